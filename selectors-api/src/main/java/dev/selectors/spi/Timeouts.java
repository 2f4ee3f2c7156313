package dev.selectors.spi;

import java.time.Duration;

/**
 * Timeout arithmetic shared by the backends: Python's {@code None} / zero / positive timeouts,
 * rounded up to what each system call takes (PEP 475 and bpo-20311: a timeout must never round
 * down to a busy loop).
 */
public final class Timeouts {

    /** The value of a timeout that blocks until something is ready. */
    public static final long INFINITE = -1;

    private Timeouts() {
    }

    /**
     * Converts a select timeout to nanoseconds.
     *
     * @param timeout {@code null} to block, zero or negative to poll, positive to wait
     * @return {@link #INFINITE}, {@code 0}, or a positive number of nanoseconds (saturated)
     */
    public static long toNanos(Duration timeout) {
        if (timeout == null) {
            return INFINITE;
        }
        if (timeout.isNegative() || timeout.isZero()) {
            return 0;
        }
        try {
            return timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Rounds a timeout up to whole milliseconds, as poll(2) and epoll_wait(2) take it.
     *
     * @param nanos {@link #INFINITE}, zero, or positive nanoseconds
     * @return -1, 0, or milliseconds rounded up and capped at {@link Integer#MAX_VALUE}
     */
    public static int toMillisRoundingUp(long nanos) {
        if (nanos < 0) {
            return -1;
        }
        long millis = nanos / 1_000_000 + (nanos % 1_000_000 == 0 ? 0 : 1);
        return (int) Math.min(millis, Integer.MAX_VALUE);
    }

    /**
     * The deadline of a wait that started now.
     *
     * @param nanos the timeout, {@link #INFINITE} or non-negative nanoseconds
     * @return the {@link System#nanoTime()} at which it ends; meaningless when infinite
     */
    public static long deadline(long nanos) {
        return nanos <= 0 ? System.nanoTime() : System.nanoTime() + nanos;
    }

    /**
     * What remains of a timeout after an interrupted wait (PEP 475: retry with the remaining
     * time).
     *
     * @param nanos    the original timeout
     * @param deadline its deadline from {@link #deadline(long)}
     * @return {@link #INFINITE} if the timeout was infinite, else the remaining nanoseconds, at
     *         least zero
     */
    public static long remaining(long nanos, long deadline) {
        if (nanos < 0) {
            return INFINITE;
        }
        return Math.max(0, deadline - System.nanoTime());
    }
}
