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

    /** @return why the Solaris backends cannot be used here, or {@code null} */
    public static Throwable unavailabilityCause() {
        return Holder.CAUSE;
    }

    static DevpollBinding devpoll() {
        ensureAvailable();
        return Holder.BINDINGS;
    }

    static EventPortBinding eventPorts() {
        ensureAvailable();
        return Holder.BINDINGS;
    }

    private static void ensureAvailable() {
        if (Holder.CAUSE != null) {
            throw new UnsupportedOperationException(Holder.CAUSE.getMessage(), Holder.CAUSE);
        }
    }

    private static final class Holder {
        static final JnaSolarisBindings BINDINGS;
        static final Throwable CAUSE;

        static {
            JnaSolarisBindings bindings = null;
            Throwable cause = null;
            try {
                String library = System.getProperty(LIBRARY_PROPERTY);
                if (library == null && OsFamily.CURRENT != OsFamily.SOLARIS) {
                    throw new UnsupportedOperationException("/dev/poll and event ports exist only on Solaris and "
                            + "illumos; this is " + System.getProperty("os.name"));
                }
                Natives.libc();
                bindings = new JnaSolarisBindings(library != null ? library : Platform.C_LIBRARY_NAME);
            } catch (Exception | LinkageError e) {
                cause = e;
                bindings = null;
            }
            BINDINGS = bindings;
            CAUSE = cause;
        }
    }
}
