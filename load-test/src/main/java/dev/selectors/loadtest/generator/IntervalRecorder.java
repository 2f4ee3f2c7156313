package dev.selectors.loadtest.generator;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * One generator loop's {@link Recording}, recorded with no atomic operation per value and handed
 * to the reporter once per interval.
 *
 * <p>HdrHistogram's {@code SingleWriterRecorder} lets a reader swap histograms at any moment,
 * and pays for it with two atomic increments (its phaser) around every recorded value: about 25
 * instructions a message in the generator's loop. Here the loop itself swaps, between two
 * selects, when the reporter has asked: the reporter posts an empty histogram and a request,
 * wakes the loop, and parks until the loop answers, within one select, and unparks it. A value
 * then costs one plain histogram increment. When the loop has ended, the reporter takes its
 * histogram directly.
 */
public final class IntervalRecorder {

    // The loop unparks the reporter when it answers or ends; the bound only guards against a
    // lost wake-up.
    private static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final Runnable wakeLoop;
    /** Written by the loop only. */
    private Recording recording = new Recording();
    /** The empty recording the reporter posts with a request; published by {@link #requested}. */
    private Recording posted;
    /** The full recording the loop hands over; published by {@link #answered}. */
    private Recording handedOver;
    private volatile long requested;
    private volatile long answered;
    private volatile boolean loopEnded;
    /** The reporter thread, once it has asked. */
    private volatile Thread reporter;

    private static final long HIGHEST_PRESIZED_NANOS = TimeUnit.HOURS.toNanos(1);

    /**
     * @param wakeLoop makes the loop's blocked select return, so that it answers at once
     */
    IntervalRecorder(Runnable wakeLoop) {
        this.wakeLoop = wakeLoop;
    }

    /**
     * A latency histogram (nanoseconds, 3 significant digits) sized for up to an hour from the
     * start, and growing beyond that. Sized up front because an auto-resizing histogram grows
     * when it first sees a larger value: a pause in the middle of a run (Valgrind's
     * instrumentation switched on, for one) then makes the loop take a branch the JIT had never
     * seen, and recompiling it lands in the measured window.
     */
    public static Histogram newHistogram() {
        Histogram histogram = new Histogram(HIGHEST_PRESIZED_NANOS, 3);
        histogram.setAutoResize(true);
        return histogram;
    }

    /** The loop records a latency from the intended send time, in nanoseconds. */
    void record(long nanos) {
        recording.latency.recordValue(nanos);
    }

    /** The loop records an open-loop message's latency from its actual send, in nanoseconds. */
    void recordUncorrected(long nanos) {
        recording.uncorrected.recordValue(nanos);
    }

    /** The loop records how late an open-loop message left, in nanoseconds. */
    void recordLateness(long nanos) {
        recording.lateness.recordValue(nanos);
    }

    /** The loop answers a pending request, if any: called once per select. */
    void answer() {
        long request = requested;
        if (request != answered) {
            handedOver = recording;
            recording = posted;
            answered = request;
            LockSupport.unpark(reporter);
        }
    }

    /** The loop has ended and records nothing more. */
    void loopEnded() {
        loopEnded = true;
        Thread waiting = reporter;
        if (waiting != null) {
            LockSupport.unpark(waiting);
        }
    }

    /**
     * The reporter takes the values recorded since the last call (one reporter thread only).
     *
     * @param empty a recording to record into next (reset here), typically the one the previous
     *              call returned
     * @return the values recorded since the last call
     * @throws InterruptedException interrupted while waiting for the loop to answer
     */
    Recording take(Recording empty) throws InterruptedException {
        empty.reset();
        posted = empty;
        reporter = Thread.currentThread();
        long request = requested + 1;
        requested = request;
        wakeLoop.run();
        while (answered != request) {
            if (loopEnded) {
                // The loop may have answered just before it ended; if it did not, nothing records.
                if (answered != request) {
                    Recording full = recording;
                    recording = empty;
                    return full;
                }
                break;
            }
            LockSupport.parkNanos(this, PARK_NANOS);
            if (Thread.interrupted()) {
                throw new InterruptedException("waiting for a generator loop's latencies");
            }
        }
        return handedOver;
    }
}
