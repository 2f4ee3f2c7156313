package dev.selectors.loadtest.generator;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a run end early: SIGINT or SIGTERM (the command line's {@code StopSignals}) asks, the reporter sees it
 * at its next wait, closes the window there, and drains for a shorter time.
 */
public final class RunControl {

    private final CountDownLatch stop = new CountDownLatch(1);

    /** Asks the run to stop measuring now; safe from any thread, and more than once. */
    public void requestStop() {
        stop.countDown();
    }

    /**
     * @return whether a stop was asked for
     */
    public boolean stopRequested() {
        return stop.getCount() == 0;
    }

    /**
     * Waits until {@link System#nanoTime()} reaches {@code deadline}, or a stop is asked for.
     *
     * @param deadline a {@code System.nanoTime()} value
     * @return true when a stop was asked for
     * @throws InterruptedException interrupted while waiting
     */
    boolean sleepUntil(long deadline) throws InterruptedException {
        long left = deadline - System.nanoTime();
        return left > 0 ? stop.await(left, TimeUnit.NANOSECONDS) : stopRequested();
    }
}
