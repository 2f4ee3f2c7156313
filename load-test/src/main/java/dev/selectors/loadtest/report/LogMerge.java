package dev.selectors.loadtest.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.selectors.loadtest.generator.ErrorKind;
import dev.selectors.loadtest.generator.IntervalRecorder;
import dev.selectors.loadtest.generator.Latency;
import dev.selectors.loadtest.generator.Recording;
import dev.selectors.loadtest.generator.RunResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * {@code load-test merge}: reads the {@link RunLog}s of several generators, refuses any that is
 * not a complete log written by {@code run}, and adds them up into the report {@code run} writes.
 * The merged latency percentiles are those of one histogram of every sample; the rate is the sum
 * of the generators' rates; the timeline adds each generator's n-th second.
 */
public final class LogMerge {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private LogMerge() {
    }

    /** A log that is not what merge needs; the message names the file and what is wrong. */
    public static final class BadLogException extends Exception {
        private static final long serialVersionUID = 1L;

        BadLogException(Path file, String problem) {
            super(file + ": " + problem);
        }
    }

    /**
     * One generator's log, read and checked.
     *
     * @param file    where it was read
     * @param run     its run line: the load and the target
     * @param end     its end line: the run's totals
     * @param seconds the window's intervals, in order
     * @param total   all its values, drain included
     */
    public record Log(Path file, Map<String, Object> run, Map<String, Object> end, List<Interval> seconds,
               Recording total) {

        public long messages() {
            return total.messages();
        }

        long drained() {
            return ((Number) end.get("drained")).longValue();
        }

        double measuredSeconds() {
            return ((Number) end.get("seconds")).doubleValue();
        }
    }

    /**
     * One interval of a log's window.
     *
     * @param latencies    its latencies
     * @param lengthMillis how long it lasted
     */
    public record Interval(Histogram latencies, long lengthMillis) {
    }

    /**
     * Reads and checks one log.
     *
     * @param file the log
     * @return its content
     * @throws BadLogException it is missing, unreadable, not an HdrHistogram log, not written by
     *                         {@code run}, cut short, or inconsistent
     */
    public static Log read(Path file) throws BadLogException {
        if (!Files.exists(file)) {
            throw new BadLogException(file, "no such file");
        }
        if (Files.isDirectory(file)) {
            throw new BadLogException(file, "is a directory, not a log");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadLogException(file, "cannot be read (" + e.getMessage() + ")");
        }
        if (lines.isEmpty()) {
            throw new BadLogException(file, "is empty");
        }
        if (!lines.get(0).startsWith("#[Histogram log format version")) {
            throw new BadLogException(file, "is not an HdrHistogram log (its first line is '" + shorten(lines.get(0))
                    + "'); merge takes the --hlog files of load-test run");
        }
        Map<String, Object> run = null;
        Map<String, Object> end = null;
        boolean startTime = false;
        List<Interval> seconds = new ArrayList<>();
        Recording total = new Recording();
        int intervals = 0;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (end != null && !line.isBlank()) {
                throw new BadLogException(file, "line " + (i + 1) + ": something follows the end line");
            }
            if (line.startsWith("#[StartTime: ")) {
                startTime = true;
            } else if (line.startsWith("#" + RunLog.RUN_LINE)) {
                run = object(file, i, line, RunLog.RUN_LINE);
            } else if (line.startsWith("#" + RunLog.END_LINE)) {
                end = object(file, i, line, RunLog.END_LINE);
            } else if (!line.startsWith("#") && !line.startsWith("\"StartTimestamp\"") && !line.isBlank()) {
                if (run == null) {
                    throw new BadLogException(file, "was not written by load-test run (no run line before its "
                            + "first interval)");
                }
                String tag = tagOf(line);
                Histogram interval = decode(file, i, line);
                if (tag == null) {
                    seconds.add(new Interval(interval, lengthMillis(file, i, line)));
                    total.latency.add(interval);
                    intervals++;
                } else if (tag.equals(RunLog.DRAIN)) {
                    total.latency.add(interval);
                    intervals++;
                } else if (tag.equals(RunLog.UNCORRECTED)) {
                    total.uncorrected.add(interval);
                } else if (tag.equals(RunLog.LATENESS)) {
                    total.lateness.add(interval);
                } else {
                    throw new BadLogException(file, "line " + (i + 1) + ": unknown tag '" + tag + "'");
                }
            }
        }
        if (!startTime) {
            throw new BadLogException(file, "has no start time line");
        }
        if (run == null) {
            throw new BadLogException(file, "was not written by load-test run (no run line)");
        }
        if (end == null) {
            throw new BadLogException(file, "is cut short: it has no end line (was the generator killed, "
                    + "or the disk full?)");
        }
        if (seconds.isEmpty()) {
            throw new BadLogException(file, "has no measured interval");
        }
        long endMessages = ((Number) end.getOrDefault("messages", -1)).longValue();
        long endIntervals = ((Number) end.getOrDefault("intervals", -1)).longValue();
        if (endMessages != total.messages() || endIntervals != intervals) {
            throw new BadLogException(file, "is inconsistent: its intervals hold " + total.messages()
                    + " messages in " + intervals + ", its end line says " + endMessages + " in " + endIntervals);
        }
        return new Log(file, run, end, seconds, total);
    }

    private static Map<String, Object> object(Path file, int index, String line, String prefix)
            throws BadLogException {
        String text = line.substring(1 + prefix.length());
        if (!text.endsWith("]")) {
            throw new BadLogException(file, "line " + (index + 1) + " is cut short");
        }
        try {
            return JSON.readValue(text.substring(0, text.length() - 1), OBJECT);
        } catch (IOException e) {
            throw new BadLogException(file, "line " + (index + 1) + " is not valid (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    private static String tagOf(String line) {
        return line.startsWith("Tag=") ? line.substring(4, Math.max(4, line.indexOf(','))) : null;
    }

    /** An interval line: {@code [Tag=T,]start,length,max,base64 of the compressed histogram}. */
    private static Histogram decode(Path file, int index, String line) throws BadLogException {
        String[] fields = line.split(",");
        try {
            ByteBuffer payload = ByteBuffer.wrap(Base64.getDecoder().decode(fields[fields.length - 1]));
            return Histogram.decodeFromCompressedByteBuffer(payload, 0);
        } catch (RuntimeException | java.util.zip.DataFormatException e) {
            throw new BadLogException(file, "line " + (index + 1) + " is not an interval histogram ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static long lengthMillis(Path file, int index, String line) throws BadLogException {
        String[] fields = line.split(",");
        try {
            return Math.round(Double.parseDouble(fields[fields.length - 3]) * 1000);
        } catch (RuntimeException e) {
            throw new BadLogException(file, "line " + (index + 1) + " has no interval length");
        }
    }

    private static String shorten(String line) {
        String printable = line.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 60 ? printable.substring(0, 60) + "..." : printable;
    }

    /**
     * Checks that the logs describe the same load on the same target.
     *
     * @param logs the logs
     * @throws BadLogException one differs from the first
     */
    public static void checkSameRun(List<Log> logs) throws BadLogException {
        Log first = logs.get(0);
        for (Log log : logs.subList(1, logs.size())) {
            if (!log.run().equals(first.run())) {
                throw new BadLogException(log.file(), "was a different run: " + log.run() + ", where "
                        + first.file() + " was " + first.run() + " (--force merges them anyway)");
            }
        }
    }

    /**
     * Adds the logs up.
     *
     * @param logs checked logs
     * @return the report of all of them
     */
    @SuppressWarnings("unchecked")
    public static RunResult merge(List<Log> logs) {
        Recording total = new Recording();
        long drained = 0;
        long bytes = 0;
        double seconds = 0;
        double rate = 0;
        double mebibytesPerSecond = 0;
        long jitMillis = -1;
        boolean interrupted = false;
        Map<String, Long> errors = new LinkedHashMap<>();
        for (ErrorKind kind : ErrorKind.values()) {
            errors.put(kind.label(), 0L);
        }
        List<Histogram> bySecond = new ArrayList<>();
        List<Double> perSecond = new ArrayList<>();
        for (Log log : logs) {
            total.add(log.total());
            long logBytes = ((Number) log.end().get("bytes")).longValue();
            double logSeconds = log.measuredSeconds();
            drained += log.drained();
            bytes += logBytes;
            seconds = Math.max(seconds, logSeconds);
            if (logSeconds > 0) {
                rate += (log.messages() - log.drained()) / logSeconds;
                mebibytesPerSecond += logBytes / logSeconds / (1 << 20);
            }
            jitMillis = Math.max(jitMillis, ((Number) log.end().getOrDefault("jitMillis", -1)).longValue());
            interrupted |= Boolean.TRUE.equals(log.end().get("interrupted"));
            ((Map<String, Object>) log.end().getOrDefault("errors", Map.of())).forEach(
                    (kind, count) -> errors.merge(kind, ((Number) count).longValue(), Long::sum));
            for (int i = 0; i < log.seconds().size(); i++) {
                if (bySecond.size() <= i) {
                    bySecond.add(IntervalRecorder.newHistogram());
                    perSecond.add(0.0);
                }
                Interval interval = log.seconds().get(i);
                bySecond.get(i).add(interval.latencies());
                perSecond.set(i, perSecond.get(i)
                        + interval.latencies().getTotalCount() * 1000.0 / Math.max(1, interval.lengthMillis()));
            }
        }
        List<RunResult.Second> timeline = new ArrayList<>();
        for (int i = 0; i < bySecond.size(); i++) {
            Histogram second = bySecond.get(i);
            timeline.add(new RunResult.Second(i + 1, perSecond.get(i), second.getTotalCount() == 0 ? 0
                    : Latency.micros(second.getValueAtPercentile(99))));
        }
        Log first = logs.get(0);
        boolean openLoop = Boolean.TRUE.equals(first.run().get("openLoop"));
        double sendIntervalMicros = ((Number) first.end().getOrDefault("sendIntervalMicros", 0)).doubleValue();
        String scenario = first.run().get("scenario") + ", merged from " + logs.size()
                + (logs.size() == 1 ? " log" : " logs");
        return new RunResult(scenario, String.valueOf(first.run().get("target")), seconds, total.messages(), drained,
                bytes, rate, mebibytesPerSecond, Latency.percentiles(total.latency), Latency.curve(total.latency),
                openLoop ? Latency.percentiles(total.uncorrected) : Map.of(),
                openLoop ? Latency.percentiles(total.lateness) : Map.of(), openLoop ? sendIntervalMicros : 0,
                errors, timeline, jitMillis, interrupted, List.of());
    }
}
