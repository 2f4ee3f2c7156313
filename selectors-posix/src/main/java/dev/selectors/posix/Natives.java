package dev.selectors.posix;

import dev.selectors.posix.ffm.FfmLayer;
import dev.selectors.posix.jna.JnaLibC;
import java.util.Locale;

/**
 * Chooses the native binding once, at first use: FFM ({@code java.lang.foreign}) on Java 22 and
 * newer when the jar carries it (built with JDK 22+, in the multi-release part), JNA otherwise.
 * The system property {@value #NATIVE_PROPERTY} forces {@code jna} or {@code ffm}; forcing a
 * binding that cannot be had fails with a message that says why.
 */
public final class Natives {

    /** The system property that forces a binding: {@code jna}, {@code ffm}, or {@code auto}. */
    public static final String NATIVE_PROPERTY = "selectors.native";

    private static final int FFM_JAVA_VERSION = FfmLayer.JAVA_VERSION;
    /** Only in the Java 22 part of the multi-release jar, so it is loaded by name. */
    private static final String FFM_LIBC = "dev.selectors.posix.ffm.FfmLibC";

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

    private static boolean hasFfmBinding() {
        return FfmLayer.carries(Natives.class, FFM_LIBC);
    }

    private static LibC loadFfm() {
        try {
            return (LibC) Class.forName(FFM_LIBC).getConstructor().newInstance();
        } catch (ExceptionInInitializerError e) {
            // A bad setting found while the binding initialised (selectors.syscalls): say which.
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw e;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the FFM binding did not load: " + e, e);
        }
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
                        loaded = FfmLayer.javaSupportsIt() && hasFfmBinding()
                                ? loadFfm() : new JnaLibC(OsFamily.CURRENT);
                        break;
                    case "jna":
                        loaded = new JnaLibC(OsFamily.CURRENT);
                        break;
                    case "ffm":
                        if (!FfmLayer.javaSupportsIt()) {
                            throw new UnsupportedOperationException("selectors.native=ffm needs Java "
                                    + FFM_JAVA_VERSION + " or newer; this is Java " + Runtime.version().feature()
                                    + " (use jna, or auto)");
                        }
                        if (!hasFfmBinding()) {
                            throw new UnsupportedOperationException("selectors.native=ffm: these jars were built "
                                    + "with a JDK older than " + FFM_JAVA_VERSION + " and carry no FFM binding");
                        }
                        loaded = loadFfm();
                        break;
                    default:
                        throw new IllegalArgumentException("selectors.native='" + wanted
                                + "' is not a binding; use auto, jna or ffm");
                }
            } catch (RuntimeException | LinkageError e) {
                error = e;
            }
            libc = loaded;
            failure = error;
        }
    }
}
