package dev.selectors.loadtest.generator;

import java.util.List;
import java.util.Map;

/**
 * What one run measured, serialized as the {@code --json} report. Every count of messages is one
 * count: the latency histogram's, which the hlog's intervals add up to as well.
 *
 * @param scenario           the load, in words
 * @param target             the server
 * @param seconds            the measured window (shorter than asked when the run was interrupted)
 * @param messages           messages whose echo completed in the window, plus those still in
 *                           flight when it closed whose echo arrived while draining: the count of
 *                           the latency histogram, the hlog and a merge of it
 * @param drained            of {@code messages}, those echoed while draining after the window
 * @param bytes              bytes echoed back in the window
 * @param messagesPerSecond  messages echoed in the window (without the drained ones) per second
 * @param mebibytesPerSecond echoed MiB per second
 * @param latencyMicros      p50, p90, p99, p99.9, p99.99, max and mean, keyed by those names,
 *                           from each message's intended send time
 * @param percentileCurve    (percentile, microseconds) points for a percentile plot
 * @param uncorrectedMicros  open loop: the same percentiles from each message's actual send
 *                           (wrk2's uncorrected latency); empty in a closed loop
 * @param latenessMicros     open loop: how late messages left (actual minus intended send time),
 *                           the same percentiles; empty in a closed loop
 * @param sendIntervalMicros open loop: the interval between two sends of the generator (1/rate); 0 otherwise
 * @param errors             errors by kind, over the whole run including warm-up
 * @param timeline           one entry per measured second
 * @param jitMillis          time this generator's JIT compilers spent compiling during the
 *                           window, or -1 where the JVM does not say: well above zero means the
 *                           generator was still warming up, and its figures are not steady yet
 * @param interrupted        whether SIGINT or SIGTERM ended the run early
 * @param thresholds         the thresholds asked for, each with its measured value
 */
public record RunResult(String scenario, String target, double seconds, long messages, long drained, long bytes,
                        double messagesPerSecond, double mebibytesPerSecond, Map<String, Double> latencyMicros,
                        List<double[]> percentileCurve, Map<String, Double> uncorrectedMicros,
                        Map<String, Double> latenessMicros, double sendIntervalMicros, Map<String, Long> errors,
                        List<Second> timeline, long jitMillis, boolean interrupted, List<Threshold.Verdict> thresholds) {

    /** Lateness p99 above this share of the send interval: the generator could not keep up. */
    static final double LATE_SHARE = 0.1;

    /**
     * One second of the timeline.
     *
     * @param second            seconds since measuring began
     * @param messagesPerSecond messages completed in it
     * @param p99Micros         the 99th percentile of its latencies
     */
    public record Second(int second, double messagesPerSecond, double p99Micros) {
    }

    /**
     * @return the number of errors of every kind
     */
    public long totalErrors() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * @param checked the thresholds with their verdicts
     * @return this result with them
     */
    public RunResult withThresholds(List<Threshold.Verdict> checked) {
        return new RunResult(scenario, target, seconds, messages, drained, bytes, messagesPerSecond, mebibytesPerSecond,
                latencyMicros, percentileCurve, uncorrectedMicros, latenessMicros, sendIntervalMicros, errors,
                timeline, jitMillis, interrupted, List.copyOf(checked));
    }

    /**
     * @return whether any threshold failed
     */
    public boolean thresholdFailed() {
        return thresholds.stream().anyMatch(verdict -> !verdict.passed());
    }

    /**
     * Whether the generator fell behind an open loop's schedule: lateness p99 above 10% of the
     * send interval, so the server saw less load than asked and the latencies are a lower bound
     * (as k6 reports dropped iterations).
     *
     * @return the warning, or {@code null}
     */
    public String latenessWarning() {
        Double p99 = latenessMicros.get("p99");
        if (sendIntervalMicros <= 0 || p99 == null || p99 <= sendIntervalMicros * LATE_SHARE) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "the generator could not keep up: sends left up to %.1f us late "
                + "(p99), over 10%% of the %.1f us between sends; the server saw less load than asked and these "
                + "latencies are a lower bound (more --threads, fewer --connections or a lower --rate)",
                p99, sendIntervalMicros);
    }
}
