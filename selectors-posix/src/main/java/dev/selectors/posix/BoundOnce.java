package dev.selectors.posix;

import java.util.Objects;

/**
 * For a binding whose calls are linked once per JVM to a library chosen at run time (the
 * kqueue and Solaris bindings, which tests point at emulation libraries): the first binding
 * decides and keeps its settings for the linking, and a later one that asks for another library
 * fails rather than silently calling the first. JNA direct-maps a class to one library, and
 * FFM's handles are static constants.
 *
 * @param <T> the settings: the library, and whatever else decides the linking (a kevent symbol...)
 */
public final class BoundOnce<T> {

    private final String what;
    private boolean bound;
    private T settings;

    /**
     * Creates the guard of one binding class.
     *
     * @param what the calls it binds, for the error ("kqueue")
     */
    public BoundOnce(String what) {
        this.what = what;
    }

    /**
     * Records the settings the calls are bound to, or checks that they are those.
     *
     * @param wanted the settings ({@code null} allowed: the C library)
     * @throws IllegalStateException the calls are bound to other settings already
     */
    public synchronized void bind(T wanted) {
        if (!bound) {
            settings = wanted;
            bound = true;
        } else if (!Objects.equals(settings, wanted)) {
            throw new IllegalStateException(what + " is already bound to " + settings + "; " + wanted
                    + " cannot be bound in the same JVM");
        }
    }

    /**
     * Returns the settings the calls are bound to, for the code that links them.
     *
     * @return the settings of the first {@link #bind}
     * @throws IllegalStateException nothing is bound yet
     */
    public synchronized T settings() {
        if (!bound) {
            throw new IllegalStateException(what + " is not bound yet");
        }
        return settings;
    }
}
