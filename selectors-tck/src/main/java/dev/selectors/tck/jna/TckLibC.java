package dev.selectors.tck.jna;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * The C library calls of the kit's test support, each returning its result or {@code -errno}
 * as the backends' seams do. Test support, not a backend: these calls are not behind a binding
 * seam and always go through JNA.
 */
public final class TckLibC {

    /** RLIMIT_NOFILE: 7 on Linux, 5 on illumos and Solaris, 8 on macOS and the BSDs. */
    private static final int RLIMIT_NOFILE = Platform.isLinux() ? 7 : Platform.isSolaris() ? 5 : 8;
    /** struct rlimit: rlim_cur and rlim_max, two 64-bit values on LP64. */
    private static final int RLIMIT_SIZE = 16;

    private TckLibC() {
    }

    /**
     * Whether this is Linux, where {@link #gettid} and {@link #signalThread} work.
     *
     * @return whether this is Linux
     */
    public static boolean isLinux() {
        return Platform.isLinux();
    }

    /**
     * Linux's gettid(2).
     *
     * @return the calling thread's id
     */
    public static int gettid() {
        return Linux.INSTANCE.gettid();
    }

    /**
     * Sends {@code signal} to thread {@code tid} of this process (Linux's tgkill(2)).
     *
     * @param tid    the thread
     * @param signal the signal's number
     * @return 0, or {@code -errno}
     */
    public static int signalThread(int tid, int signal) {
        return result(Linux.INSTANCE.tgkill(Linux.INSTANCE.getpid(), tid, signal));
    }

    /**
     * getrlimit(2) of RLIMIT_NOFILE.
     *
     * @param limits receives the soft limit at 0 and the hard limit at 1
     * @return 0, or {@code -errno}
     */
    public static int getOpenFileLimit(long[] limits) {
        try (Memory rlimit = new Memory(RLIMIT_SIZE)) {
            int r = result(C.INSTANCE.getrlimit(RLIMIT_NOFILE, rlimit));
            if (r == 0) {
                limits[0] = rlimit.getLong(0);
                limits[1] = rlimit.getLong(8);
            }
            return r;
        }
    }

    /**
     * setrlimit(2) of RLIMIT_NOFILE.
     *
     * @param soft the soft limit
     * @param hard the hard limit
     * @return 0, or {@code -errno}
     */
    public static int setOpenFileLimit(long soft, long hard) {
        try (Memory rlimit = new Memory(RLIMIT_SIZE)) {
            rlimit.setLong(0, soft);
            rlimit.setLong(8, hard);
            return result(C.INSTANCE.setrlimit(RLIMIT_NOFILE, rlimit));
        }
    }

    private static int result(int r) {
        return r < 0 ? -Native.getLastError() : r;
    }

    private interface C extends Library {
        C INSTANCE = Native.load(Platform.C_LIBRARY_NAME, C.class);

        int getrlimit(int resource, Memory rlimit);

        int setrlimit(int resource, Memory rlimit);
    }

    private interface Linux extends Library {
        Linux INSTANCE = Native.load(Platform.C_LIBRARY_NAME, Linux.class);

        int getpid();

        int gettid();

        int tgkill(int tgid, int tid, int sig);
    }
}
