package dev.selectors.loadtest.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.selectors.loadtest.generator.IntervalLog;
import dev.selectors.loadtest.generator.Recording;
import dev.selectors.loadtest.generator.RunResult;
import dev.selectors.loadtest.generator.Scenario;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * The {@code --hlog} of a run: an HdrHistogram log that any HdrHistogram tool reads (one
 * interval histogram of latencies per measured second, in nanoseconds), framed by two comment
 * lines that {@code load-test merge} checks: a run line with the load's parameters after the
 * header, and an end line with the run's totals, written last, so that a log cut short (a killed
 * generator, a full disk) is told from a complete one.
 *
 * <p>Untagged intervals are the window's latencies from the intended send time; the echoes that
 * arrived while draining after the window are one interval tagged {@value #DRAIN}; in an open
 * loop each second also has an interval tagged {@value #UNCORRECTED} (latency from the actual
 * send) and one tagged {@value #LATENESS}.
 */
public final class RunLog implements IntervalLog, AutoCloseable {

    static final String RUN_LINE = "[load-test run: ";
    static final String END_LINE = "[load-test end: ";
    static final String DRAIN = "drain";
    static final String UNCORRECTED = "uncorrected";
    static final String LATENESS = "lateness";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final PrintStream stream;
    private final HistogramLogWriter writer;
    private int intervals;
    private long messages;

    private RunLog(Path file, PrintStream stream) {
        this.file = file;
        this.stream = stream;
        this.writer = new HistogramLogWriter(stream);
    }

    /**
     * Creates (or truncates) the log file.
     *
     * @param file where it goes
     * @return the log
     * @throws IOException the file cannot be written
     */
    public static RunLog create(Path file) throws IOException {
        return new RunLog(file, new PrintStream(new FileOutputStream(file.toFile()), false, StandardCharsets.UTF_8));
    }

    /**
     * The header: format version, start time, the run line, the legend.
     *
     * @param scenario    the load
     * @param startMillis the run's start, milliseconds since the epoch
     */
    public void header(Scenario scenario, long startMillis) throws IOException {
        writer.outputLogFormatVersion();
        writer.outputStartTime(startMillis);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("scenario", scenario.describe());
        run.put("target", scenario.target().toString());
        run.put("openLoop", scenario.rate() > 0);
        writer.outputComment(RUN_LINE + JSON.writeValueAsString(run) + "]");
        writer.outputLegend();
    }

    @Override
    public void interval(Recording recording, long startMillis, long endMillis, boolean drain, boolean openLoop) {
        write(recording.latency, drain ? DRAIN : null, startMillis, endMillis);
        intervals++;
        messages += recording.messages();
        if (openLoop) {
            write(recording.uncorrected, UNCORRECTED, startMillis, endMillis);
            if (!drain) {
                write(recording.lateness, LATENESS, startMillis, endMillis);
            }
        }
    }

    private void write(Histogram histogram, String tag, long startMillis, long endMillis) {
        String previousTag = histogram.getTag();
        histogram.setTag(tag);
        histogram.setStartTimeStamp(startMillis);
        histogram.setEndTimeStamp(endMillis);
        writer.outputIntervalHistogram(histogram);
        histogram.setTag(previousTag);
    }

    /**
     * The end line, with the run's totals; the log is complete after it.
     *
     * @param result what the run measured
     * @throws IOException the log could not be written (a full disk...)
     */
    public void end(RunResult result) throws IOException {
        if (messages != result.messages()) {
            throw new IllegalStateException("the hlog holds " + messages + " messages, the run counted "
                    + result.messages());
        }
        Map<String, Object> end = new LinkedHashMap<>();
        end.put("intervals", intervals);
        end.put("messages", messages);
        end.put("drained", result.drained());
        end.put("bytes", result.bytes());
        end.put("seconds", result.seconds());
        end.put("sendIntervalMicros", result.sendIntervalMicros());
        end.put("errors", result.errors());
        end.put("jitMillis", result.jitMillis());
        end.put("interrupted", result.interrupted());
        writer.outputComment(END_LINE + JSON.writeValueAsString(end) + "]");
        stream.flush();
        if (stream.checkError()) {
            throw new IOException("could not write " + file);
        }
    }

    @Override
    public void close() {
        writer.close();
    }
}
