package dev.selectors.loadtest.generator;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The durations the load test's options take: {@code 250ns}, {@code 200us}, {@code 500ms},
 * {@code 3s}, {@code 2m}, {@code 1h}, or plain seconds.
 */
public final class DurationText {

    private static final java.util.regex.Pattern FORMAT =
            java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s|m|h)?");
    private static final Map<String, Long> NANOS_PER_UNIT = Map.of("ns", 1L, "us", 1_000L, "µs", 1_000L,
            "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

    private DurationText() {
    }

    /**
     * @param text for example {@code "30s"}, {@code "200us"}, {@code "1.5"}
     * @return the duration, to the nanosecond
     * @throws IllegalArgumentException the text is not a duration; the message says so
     */
    public static Duration parse(String text) {
        Matcher matcher = FORMAT.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: write for example 200us, 500ms, "
                    + "30s, 2m, 1h, or plain seconds");
        }
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        BigDecimal nanos = new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(NANOS_PER_UNIT.get(unit)));
        return Duration.ofNanos(nanos.longValue());
    }
}
