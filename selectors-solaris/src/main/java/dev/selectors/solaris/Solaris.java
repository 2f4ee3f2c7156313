package dev.selectors.solaris;

import dev.selectors.posix.LoadedBinding;
import dev.selectors.posix.Natives;
import dev.selectors.posix.OsFamily;
import java.lang.invoke.MethodHandles;

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
        return Holder.BINDING.cause();
    }

    /**
     * Returns the binding both backends use.
     *
     * @return the binding
     * @throws UnsupportedOperationException the backends are unavailable here; the cause says why
     */
    static SolarisBinding binding() {
        return Holder.BINDING.get();
    }

    private static final class Holder {
        static final LoadedBinding<SolarisBinding> BINDING = LoadedBinding.attempt(null, () -> {
            String library = System.getProperty(LIBRARY_PROPERTY);
            if (library == null && OsFamily.CURRENT != OsFamily.SOLARIS) {
                throw new UnsupportedOperationException("/dev/poll and event ports exist only on Solaris and "
                        + "illumos; this is " + System.getProperty("os.name"));
            }
            return Natives.load(MethodHandles.lookup(), SolarisBinding.class, library);
        });
    }
}
