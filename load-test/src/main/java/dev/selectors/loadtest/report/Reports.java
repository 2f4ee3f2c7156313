package dev.selectors.loadtest.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.selectors.loadtest.generator.RunResult;
import dev.selectors.loadtest.generator.Threshold;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** A {@link RunResult} as a terminal table, JSON, and a self-contained HTML page. */
public final class Reports {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Reports() {
    }

    /**
     * Prints the table and writes the reports asked for.
     *
     * @param result what was measured, with its threshold verdicts
     * @param out    where the table goes
     * @param json   the JSON report's path, or {@code null}
     * @param html   the HTML report's path, or {@code null}
     * @return the exit status: 1 when an echo was wrong or a connection failed, else 3 when a
     *         threshold failed, else 0
     * @throws IOException a report could not be written
     */
    public static int write(RunResult result, PrintStream out, Path json, Path html) throws IOException {
        table(result, out);
        if (json != null) {
            json(result, json);
        }
        if (html != null) {
            HtmlReport.write(result, html);
        }
        return result.totalErrors() > 0 ? 1 : result.thresholdFailed() ? 3 : 0;
    }

    public static void table(RunResult result, PrintStream out) {
        out.println();
        out.println("target    " + result.target());
        out.println("load      " + result.scenario());
        if (result.interrupted()) {
            out.println(result.seconds() > 0 ? "stopped   by a signal: the window was cut short"
                    : "stopped   by a signal during the warm-up: nothing was measured");
        }
        out.printf(Locale.ROOT, "measured  %.1f s: %,d messages, %,.0f msg/s, %.2f MiB/s echoed%s%n",
                result.seconds(), result.messages(), result.messagesPerSecond(), result.mebibytesPerSecond(),
                result.drained() == 0 ? "" : String.format(Locale.ROOT, " (%,d of them echoed after the window, "
                        + "while draining: in the latencies, not the rate)", result.drained()));
        if (result.messages() == 0) {
            out.println("latency   none: no message was echoed");
        } else {
            printLatencies(out, "latency  ", result.latencyMicros());
        }
        if (!result.uncorrectedMicros().isEmpty() && result.messages() > 0) {
            printLatencies(out, "from send", result.uncorrectedMicros());
            printLatencies(out, "lateness ", result.latenessMicros());
            String warning = result.latenessWarning();
            if (warning != null) {
                out.println("warning   " + warning);
            }
        }
        if (result.jitMillis() >= 0) {
            // Compiling for over 1% of the window: the generator's code was still changing.
            boolean warming = result.jitMillis() > result.seconds() * 10;
            out.printf(Locale.ROOT, "jit       %,d ms compiling in the window%s%n", result.jitMillis(),
                    warming ? ": the generator was still warming up, a longer --warmup steadies its figures" : "");
        }
        out.print("errors   ");
        if (result.totalErrors() == 0) {
            out.print(" none: every echoed byte matched");
        } else {
            for (Map.Entry<String, Long> entry : result.errors().entrySet()) {
                if (entry.getValue() > 0) {
                    out.printf(Locale.ROOT, " %s %,d", entry.getKey(), entry.getValue());
                }
            }
        }
        out.println();
        for (Threshold.Verdict verdict : result.thresholds()) {
            out.printf(Locale.ROOT, "threshold %-14s %s (measured %s)%n", verdict.threshold(),
                    verdict.passed() ? "passed" : "FAILED",
                    Units.measured(verdict) == null ? "nothing: no message was echoed in the window"
                            : Units.measured(verdict));
        }
    }

    private static void printLatencies(PrintStream out, String label, Map<String, Double> micros) {
        out.print(label);
        for (Map.Entry<String, Double> entry : micros.entrySet()) {
            out.printf(Locale.ROOT, " %s %.1f us", entry.getKey(), entry.getValue());
        }
        out.println();
    }

    public static void json(Object value, Path file) throws IOException {
        JSON.writeValue(file.toFile(), value);
    }
}
