package dev.selectors.posix;

import java.util.Arrays;

/**
 * For a binding whose calls are linked once per JVM to a library chosen at run time (the
 * kqueue and Solaris bindings, which tests point at emulation libraries): the first binding
 * decides, and a later one that asks for another library fails rather than silently calling the
 * first. JNA direct-maps a class to one library, and FFM's handles are static constants.
 */
public final class BoundOnce {

    private final String what;
    private String boundTo;

    /**
     * Creates the guard of one binding class.
     *
     * @param what the calls it binds, for the error ("kqueue")
     */
    public BoundOnce(String what) {
        this.what = what;
    }

    /**
     * Records what the calls are bound to, or checks that it is what they were bound to.
     *
     * @param settings the library and whatever else decides the linking (a kevent symbol...)
     * @return true the first time, when the caller must record its settings
     * @throws IllegalStateException the calls are bound to other settings already
     */
    public synchronized boolean bind(Object... settings) {
        String target = Arrays.toString(settings);
        if (boundTo == null) {
            boundTo = target;
            return true;
        }
        if (!boundTo.equals(target)) {
            throw new IllegalStateException(what + " is already bound to " + boundTo + "; " + target
                    + " cannot be bound in the same JVM");
        }
        return false;
    }
}
