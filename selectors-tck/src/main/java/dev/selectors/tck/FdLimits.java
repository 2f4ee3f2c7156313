package dev.selectors.tck;

import dev.selectors.tck.jna.TckLibC;
import java.io.File;

/**
 * RLIMIT_NOFILE for the scalability test: raises the soft limit to the hard one, as CPython's
 * {@code test_above_fd_setsize} does, and counts the fds already open.
 */
final class FdLimits {

    private FdLimits() {
    }

    /** Raises the soft limit to the hard limit (capped at 2^16, as CPython does) and returns it. */
    static long raiseSoftLimitToHard() {
        long[] limits = new long[2];
        int r = TckLibC.getOpenFileLimit(limits);
        if (r < 0) {
            throw new IllegalStateException("getrlimit failed: errno " + -r);
        }
        long hard = limits[1];
        long wanted = Math.min(hard < 0 ? Long.MAX_VALUE : hard, 1 << 16);
        if (limits[0] < wanted && TckLibC.setOpenFileLimit(wanted, hard) == 0) {
            return wanted;
        }
        return limits[0];
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
}
