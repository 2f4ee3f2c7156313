package dev.selectors.posix;

import dev.selectors.spi.Timeouts;

/**
 * The wait loop every backend shares (PEP 475): a wait interrupted by a signal is made again with
 * the time that remains, and EINTR never reaches the caller.
 */
public final class Waits {

    private Waits() {
    }

    /** One wait: the system call, given the time left. */
    @FunctionalInterface
    public interface WaitCall {
        /**
         * Returns the call's result, or {@code -errno}.
         *
         * @param remainingNanos {@link Timeouts#INFINITE}, zero, or the nanoseconds left
         * @return the call's result, or {@code -errno}
         */
        int call(long remainingNanos);
    }

    /**
     * Calls {@code wait} until it is not interrupted. Keep the {@code WaitCall} in a field: a
     * method reference made per select would allocate.
     *
     * @param timeoutNanos the select's timeout
     * @param wait         the backend's wait
     * @return the first result that is not {@code -EINTR}: a count, or another {@code -errno}
     */
    public static int untilNotInterrupted(long timeoutNanos, WaitCall wait) {
        long deadline = Timeouts.deadline(timeoutNanos);
        long remaining = timeoutNanos;
        for (;;) {
            int result = wait.call(remaining);
            if (result != -Errno.EINTR) {
                return result;
            }
            remaining = Timeouts.remaining(timeoutNanos, deadline);
        }
    }
}
