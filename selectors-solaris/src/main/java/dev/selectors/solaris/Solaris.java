package dev.selectors.solaris;

import com.sun.jna.Platform;
import dev.selectors.posix.Natives;
import dev.selectors.posix.OsFamily;
import dev.selectors.solaris.jna.JnaSolarisBindings;

/**
 * Whether /dev/poll and event ports can be used here, and their bindings.
 *
 * <p>The test-only system property {@value #LIBRARY_PROPERTY}, read once, names a library that
 * provides the calls instead of the C library: the emulation library on Linux.
 */
public final class Solaris {

    /** Test-only: the library that provides open/write/ioctl/close for /dev/poll and the port_* calls. */
    public static final String LIBRARY_PROPERTY = "selectors.solaris.library";

    private Solaris() {
    }

    /**
     * Returns why the Solaris backends cannot be used here, or {@code null}.
     *
     * @return why the Solaris backends cannot be used here, or {@code null}
     */
    public static Throwable unavailabilityCause() {
        return Holder.CAUSE;
    }

    static DevpollBinding devpoll() {
        ensureAvailable();
        return (DevpollBinding) Holder.BINDINGS;
    }

    static EventPortBinding eventPorts() {
        ensureAvailable();
        return (EventPortBinding) Holder.BINDINGS;
    }

    /**
     * Returns the binding's implementation, for tests.
     *
     * @return the binding's implementation, for tests
     */
    static Object bindings() {
        ensureAvailable();
        return Holder.BINDINGS;
    }

    /** Only in the Java 22 part of the multi-release jar, so it is loaded by name. */
    private static Object loadFfm(String library) {
        try {
            return Class.forName("dev.selectors.solaris.ffm.FfmSolarisBindings").getConstructor(String.class)
                    .newInstance(library);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalStateException("the FFM Solaris binding did not load: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the FFM Solaris binding did not load: " + e, e);
        }
    }

    private static void ensureAvailable() {
        if (Holder.CAUSE != null) {
            throw new UnsupportedOperationException(Holder.CAUSE.getMessage(), Holder.CAUSE);
        }
    }

    private static final class Holder {
        // Implements both DevpollBinding and EventPortBinding.
        static final Object BINDINGS;
        static final Throwable CAUSE;

        static {
            Object bindings = null;
            Throwable cause = null;
            try {
                String library = System.getProperty(LIBRARY_PROPERTY);
                if (library == null && OsFamily.CURRENT != OsFamily.SOLARIS) {
                    throw new UnsupportedOperationException("/dev/poll and event ports exist only on Solaris and "
                            + "illumos; this is " + System.getProperty("os.name"));
                }
                bindings = Natives.libc().bindingName().equals("ffm") ? loadFfm(library)
                        : new JnaSolarisBindings(library != null ? library : Platform.C_LIBRARY_NAME);
            } catch (Exception | LinkageError e) {
                cause = e;
                bindings = null;
            }
            BINDINGS = bindings;
            CAUSE = cause;
        }
    }
}
