package dev.selectors.tck;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.File;

/**
 * RLIMIT_NOFILE for the scalability test: raises the soft limit to the hard one, as CPython's
 * {@code test_above_fd_setsize} does, and counts the fds already open. Test support only
 * (calls JNA directly); Linux and macOS constants.
 */
final class FdLimits {

    private FdLimits() {
    }

    /** Raises the soft limit to the hard limit (capped at 2^16, as CPython does) and returns it. */
    static long raiseSoftLimitToHard() {
        int resource = Platform.isMac() ? 8 : 7;
        // struct rlimit { rlim_t rlim_cur; rlim_t rlim_max; }: two 64-bit values on LP64.
        try (Memory limits = new Memory(16)) {
            if (LibC.INSTANCE.getrlimit(resource, limits) != 0) {
                throw new IllegalStateException("getrlimit failed: errno " + Native.getLastError());
            }
            long hard = limits.getLong(8);
            long wanted = Math.min(hard < 0 ? Long.MAX_VALUE : hard, 1 << 16);
            if (limits.getLong(0) < wanted) {
                limits.setLong(0, wanted);
                if (LibC.INSTANCE.setrlimit(resource, limits) != 0) {
                    return limits.getLong(0);
                }
            }
            LibC.INSTANCE.getrlimit(resource, limits);
            return limits.getLong(0);
        }
    }

    /** The number of fds this process has open, or -1 where /proc or /dev/fd cannot tell. */
    static int openFds() {
        for (String dir : new String[] {"/proc/self/fd", "/dev/fd"}) {
            String[] entries = new File(dir).list();
            if (entries != null) {
                return entries.length;
            }
        }
        return -1;
    }

    private interface LibC extends Library {
        LibC INSTANCE = Native.load(Platform.C_LIBRARY_NAME, LibC.class);

        int getrlimit(int resource, Memory rlimit);

        int setrlimit(int resource, Memory rlimit);
    }
}
