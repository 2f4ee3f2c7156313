package dev.selectors.posix.jna;

import com.sun.jna.Native;

/**
 * The seams' convention for JNA calls, written once: a call's result, or {@code -errno} read
 * with {@link Native#getLastError()} right after a failed call on the same thread.
 *
 * <p>Internal: shared by the JNA bindings of the backend modules.
 */
public final class JnaErrno {

    private JnaErrno() {
    }

    /**
     * The result of a call returning an int.
     *
     * @param r what the C function returned
     * @return {@code r}, or {@code -errno} when it is negative
     */
    public static int result(int r) {
        return r < 0 ? -Native.getLastError() : r;
    }

    /**
     * The result of a call returning a long ({@code ssize_t}).
     *
     * @param r what the C function returned
     * @return {@code r}, or {@code -errno} when it is negative
     */
    public static long result(long r) {
        return r < 0 ? -Native.getLastError() : r;
    }

    /**
     * The library to bind: the C library's name when none is given.
     *
     * @param library a library's path (an emulation library in tests), or {@code null}
     * @return what {@code NativeLibrary.getInstance} takes
     */
    public static String libraryOrC(String library) {
        return library != null ? library : com.sun.jna.Platform.C_LIBRARY_NAME;
    }
}
