package dev.selectors.posix;

import dev.selectors.posix.jna.JnaLibC;
import java.util.Locale;

/**
 * Chooses the native binding once, at first use: the system property
 * {@value #NATIVE_PROPERTY} forces {@code jna} (the only binding of this build; the FFM
 * binding for Java 22+ joins it later) and says clearly when a forced binding cannot be had.
 */
public final class Natives {

    /** The system property that forces a binding: {@code jna}, or {@code auto}. */
    public static final String NATIVE_PROPERTY = "selectors.native";

    private Natives() {
    }

    /**
     * The C library binding, loading it on first use.
     *
     * @return the binding
     * @throws UnsupportedOperationException the binding cannot be loaded on this machine; the
     *                                       message says why
     */
    public static LibC libc() {
        Holder holder = Holder.INSTANCE;
        if (holder.libc == null) {
            throw new UnsupportedOperationException(holder.failure.getMessage(), holder.failure);
        }
        return holder.libc;
    }

    /**
     * Why the binding cannot be loaded.
     *
     * @return the error, or {@code null} when {@link #libc()} works
     */
    public static Throwable unavailabilityCause() {
        return Holder.INSTANCE.failure;
    }

    /** Used by {@link Errno}: describes an errno without failing when no binding loads. */
    static String describe(int errno) {
        LibC libc = Holder.INSTANCE.libc;
        return libc == null ? "errno " + errno : libc.strerror(errno);
    }

    private static final class Holder {
        static final Holder INSTANCE = new Holder();

        final LibC libc;
        final Throwable failure;

        private Holder() {
            LibC loaded = null;
            Throwable error = null;
            String wanted = System.getProperty(NATIVE_PROPERTY, "auto").trim()
                    .toLowerCase(Locale.ROOT);
            try {
                if (!OsFamily.CURRENT.isPosix()) {
                    throw new UnsupportedOperationException("the POSIX binding needs a Unix system; this is "
                            + System.getProperty("os.name"));
                }
                switch (wanted) {
                    case "auto":
                    case "jna":
                        loaded = new JnaLibC(OsFamily.CURRENT);
                        break;
                    case "ffm":
                        throw new UnsupportedOperationException("selectors.native=ffm: this build has no FFM "
                                + "binding; use jna (or auto)");
                    default:
                        throw new IllegalArgumentException("selectors.native='" + wanted
                                + "' is not a binding; use auto or jna");
                }
            } catch (RuntimeException | LinkageError e) {
                error = e;
            }
            libc = loaded;
            failure = error;
        }
    }
}
