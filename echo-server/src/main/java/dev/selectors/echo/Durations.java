package dev.selectors.echo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the durations the command lines take: {@code 3s}, {@code 500ms}, {@code 2m}, {@code 1h}, or plain seconds. */
public final class Durations {

    private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    private Durations() {
    }

    /**
     * Parses a duration.
     *
     * @param text for example {@code "30s"}, {@code "500ms"}, {@code "2m"}, {@code "1.5"}
     * @return the duration
     * @throws IllegalArgumentException the text is not a duration; the message says what is
     */
    public static Duration parse(String text) {
        Matcher matcher = FORMAT.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: write for example 30s, 500ms, 2m, 1h, or plain seconds");
        }
        BigDecimal amount = new BigDecimal(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        BigDecimal nanosPerUnit;
        switch (unit) {
            case "ms":
                nanosPerUnit = BigDecimal.valueOf(1_000_000L);
                break;
            case "m":
                nanosPerUnit = BigDecimal.valueOf(60_000_000_000L);
                break;
            case "h":
                nanosPerUnit = BigDecimal.valueOf(3_600_000_000_000L);
                break;
            default:
                nanosPerUnit = BigDecimal.valueOf(1_000_000_000L);
        }
        return Duration.ofNanos(amount.multiply(nanosPerUnit).longValue());
    }
}
