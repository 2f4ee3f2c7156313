package dev.selectors.loadtest.report;

import dev.selectors.loadtest.generator.Threshold;
import java.math.BigDecimal;
import java.util.Locale;

/** Numbers written for people: the unit or suffix chosen per magnitude, three significant digits at most. */
final class Units {

    private Units() {
    }

    /**
     * @param micros a latency in microseconds
     * @return for example {@code 850 ns}, {@code 51.2 us}, {@code 2 ms}, {@code 1.5 s}
     */
    static String latency(double micros) {
        if (micros < 1) {
            return number(micros * 1000) + " ns";
        }
        if (micros < 1000) {
            return number(micros) + " us";
        }
        if (micros < 1_000_000) {
            return number(micros / 1000) + " ms";
        }
        return number(micros / 1_000_000) + " s";
    }

    /**
     * @param verdict a threshold's verdict
     * @return its measured value for people: a latency in its unit, a rate in msg/s, or
     *         {@code null} when the window had no message to measure a latency from
     */
    static String measured(Threshold.Verdict verdict) {
        if (Double.isNaN(verdict.measured())) {
            return null;
        }
        return verdict.unit().equals("us") ? latency(verdict.measured())
                : String.format(Locale.ROOT, "%,.0f %s", verdict.measured(), verdict.unit());
    }

    /**
     * @param value a count or a rate
     * @return for example {@code 950}, {@code 12.5k}, {@code 2M}
     */
    static String count(double value) {
        if (value >= 1_000_000) {
            return number(value / 1_000_000) + "M";
        }
        return value >= 1000 ? number(value / 1000) + "k" : number(value);
    }

    private static String number(double value) {
        String text = String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f", value);
        return new BigDecimal(text).stripTrailingZeros().toPlainString();
    }
}
