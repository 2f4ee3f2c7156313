package dev.selectors.loadtest.generator;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message sizes: one size ({@code 64}, {@code 1k}, {@code 4KiB}, {@code 1m}) or a range
 * ({@code 64-4k}) from which each message draws its size uniformly.
 *
 * @param min the smallest size, at least 1
 * @param max the largest size, at least {@code min}
 */
public record SizeRange(int min, int max) {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|k|kb|kib|m|mb|mib)?");

    /**
     * Parses a size or a range.
     *
     * @param text for example {@code "64"}, {@code "1KiB"} or {@code "64-4k"}
     * @return the range
     * @throws IllegalArgumentException the text is not a size; the message says what is
     */
    public static SizeRange parse(String text) {
        String[] parts = text.trim().split("\\s*-\\s*");
        if (parts.length > 2) {
            throw new IllegalArgumentException("'" + text + "' is not a size or a range such as 64-4k");
        }
        int min = parseOne(parts[0], text);
        int max = parts.length == 2 ? parseOne(parts[1], text) : min;
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("'" + text + "': sizes must be at least 1 byte and a range must not go down");
        }
        return new SizeRange(min, max);
    }

    private static int parseOne(String part, String whole) {
        Matcher matcher = SIZE.matcher(part.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + whole + "' is not a size: write for example 64, 1k, 4KiB, 1m or 64-4k");
        }
        long value = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "b" : matcher.group(2);
        long bytes = unit.startsWith("k") ? value << 10 : unit.startsWith("m") ? value << 20 : value;
        if (bytes > (256L << 20)) {
            throw new IllegalArgumentException("'" + whole + "': messages above 256 MiB are not supported");
        }
        return (int) bytes;
    }

    /**
     * @param random the caller's generator
     * @return a size in [min, max]
     */
    public int draw(SplittableRandom random) {
        return min == max ? min : random.nextInt(min, max + 1);
    }

    @Override
    public String toString() {
        return min == max ? min + " B" : min + "-" + max + " B";
    }
}
