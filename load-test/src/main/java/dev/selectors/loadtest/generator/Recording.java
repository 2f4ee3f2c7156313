package dev.selectors.loadtest.generator;

import org.HdrHistogram.Histogram;

/**
 * One interval's histograms of one generator loop (or their sum), in nanoseconds: the latency
 * from each message's intended send time, and, in an open loop, the latency from its actual send
 * (wrk2's uncorrected latency) and the send lateness (actual minus intended send time). A closed
 * loop sends each message when it means to, so only the first is recorded there.
 */
public final class Recording {

    /** Latency from the intended send time: what every report and threshold means by latency. */
    public final Histogram latency = IntervalRecorder.newHistogram();
    /** Latency from the actual send, open loop only. */
    public final Histogram uncorrected = IntervalRecorder.newHistogram();
    /** How late each message left, open loop only. */
    public final Histogram lateness = IntervalRecorder.newHistogram();

    public void reset() {
        latency.reset();
        uncorrected.reset();
        lateness.reset();
    }

    public void add(Recording other) {
        latency.add(other.latency);
        uncorrected.add(other.uncorrected);
        lateness.add(other.lateness);
    }

    /**
     * @return the messages echoed in the interval
     */
    public long messages() {
        return latency.getTotalCount();
    }
}
