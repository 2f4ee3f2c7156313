package dev.selectors.loadtest.generator;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * A pass/fail condition on what a run measured, as k6's thresholds: {@code p99<2ms},
 * {@code p99.9<=10ms}, {@code mean<500us}, {@code rate>50000}. A latency is checked against the
 * corrected latency (from each message's intended send time); a latency condition fails on a
 * window that echoed nothing, since nothing shows it was met.
 *
 * @param text    the condition as written
 * @param metric  {@code rate} or a latency name of {@link Latency#percentiles}
 * @param less    {@code <} or {@code <=} (else {@code >} or {@code >=})
 * @param orEqual whether equality passes
 * @param limit   the bound: microseconds for a latency, messages per second for the rate
 */
public record Threshold(String text, String metric, boolean less, boolean orEqual, double limit) {

    private static final java.util.regex.Pattern FORMAT =
            java.util.regex.Pattern.compile("\\s*([a-z0-9.]+)\\s*(<=|>=|<|>)\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([a-zµ]*)\\s*");
    private static final List<String> LATENCIES = List.of("p50", "p90", "p99", "p99.9", "p99.99", "max", "mean");

    /**
     * What one threshold found.
     *
     * @param threshold the condition as written
     * @param measured  the measured value (microseconds, or messages per second), or NaN when the
     *                  window had no message to measure a latency from
     * @param unit      {@code us} or {@code msg/s}
     * @param passed    whether the condition held
     */
    public record Verdict(String threshold, double measured, String unit, boolean passed) {
    }

    /**
     * Parses a condition.
     *
     * @param text for example {@code p99<2ms}
     * @return the threshold
     * @throws IllegalArgumentException the text is not a condition; the message says what is wrong
     */
    public static Threshold parse(String text) {
        Matcher matcher = FORMAT.matcher(text.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a threshold: write METRIC<VALUE or "
                    + "METRIC>VALUE, for example p99<2ms, p99.9<=10ms or rate>50000");
        }
        String metric = matcher.group(1);
        String operator = matcher.group(2);
        String amount = matcher.group(3);
        String unit = matcher.group(4);
        double limit;
        if (metric.equals("rate")) {
            if (!unit.isEmpty()) {
                throw new IllegalArgumentException("'" + text + "': a rate is messages per second, a plain number, "
                        + "not '" + unit + "'");
            }
            limit = Double.parseDouble(amount);
        } else if (LATENCIES.contains(metric)) {
            if (!List.of("ns", "us", "µs", "ms", "s").contains(unit)) {
                throw new IllegalArgumentException("'" + text + "': a latency needs a unit, ns, us, ms or s, "
                        + (unit.isEmpty() ? "and has none" : "not '" + unit + "'"));
            }
            limit = DurationText.parse(amount + unit).toNanos() / 1000.0;
        } else {
            throw new IllegalArgumentException("'" + text + "': no metric '" + metric + "'; one of rate, "
                    + String.join(", ", LATENCIES));
        }
        return new Threshold(text.trim(), metric, operator.startsWith("<"), operator.endsWith("="), limit);
    }

    /**
     * Checks the condition against a run.
     *
     * @param result what the run measured
     * @return the measured value and whether the condition held
     */
    public Verdict check(RunResult result) {
        if (metric.equals("rate")) {
            double rate = result.messagesPerSecond();
            return new Verdict(text, rate, "msg/s", holds(rate));
        }
        if (result.messages() == 0) {
            return new Verdict(text, Double.NaN, "us", false);
        }
        double micros = result.latencyMicros().get(metric);
        return new Verdict(text, micros, "us", holds(micros));
    }

    private boolean holds(double measured) {
        if (measured == limit) {
            return orEqual;
        }
        return less ? measured < limit : measured > limit;
    }
}
