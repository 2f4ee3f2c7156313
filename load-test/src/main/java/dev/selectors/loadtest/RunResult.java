package dev.selectors.loadtest;

import java.util.List;
import java.util.Map;

/**
 * What one run measured: throughput over the measured window, latency percentiles from
 * HdrHistogram (microseconds, from each message's intended send time), errors by kind, and a
 * per-second timeline. Serialized as the {@code --json} report.
 *
 * @param scenario         the load, in words
 * @param target           the server
 * @param seconds          the measured window
 * @param messages         messages echoed completely in that window
 * @param bytes            bytes echoed back in that window
 * @param messagesPerSecond messages per second
 * @param mebibytesPerSecond echoed MiB per second
 * @param latencyMicros    p50, p90, p99, p99.9, p99.99, max and mean, keyed by those names
 * @param percentileCurve  (percentile, microseconds) points for a percentile plot
 * @param errors           errors by kind, over the whole run including warm-up
 * @param timeline         one entry per measured second
 * @param jitMillis        time this generator's JIT compilers spent compiling during the
 *                         window, or -1 where the JVM does not say: well above zero means the
 *                         generator was still warming up, and its figures are not steady yet
 */
public record RunResult(String scenario, String target, double seconds, long messages, long bytes,
                        double messagesPerSecond, double mebibytesPerSecond, Map<String, Double> latencyMicros,
                        List<double[]> percentileCurve, Map<String, Long> errors, List<Second> timeline,
                        long jitMillis) {

    /**
     * One second of the timeline.
     *
     * @param second            seconds since measuring began
     * @param messagesPerSecond messages completed in it
     * @param p99Micros         the 99th percentile of its latencies
     */
    public record Second(int second, double messagesPerSecond, double p99Micros) {
    }

    /** @return the number of errors of every kind */
    public long totalErrors() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }
}
