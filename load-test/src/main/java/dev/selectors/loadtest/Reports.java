package dev.selectors.loadtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A {@link RunResult} as a terminal table, JSON, and a self-contained HTML page. */
final class Reports {

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
    static int write(RunResult result, PrintStream out, Path json, Path html) throws IOException {
        table(result, out);
        if (json != null) {
            json(result, json);
        }
        if (html != null) {
            html(result, html);
        }
        return result.totalErrors() > 0 ? 1 : result.thresholdFailed() ? 3 : 0;
    }

    static void table(RunResult result, PrintStream out) {
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
        printLatencies(out, "latency  ", result.latencyMicros());
        if (!result.uncorrectedMicros().isEmpty()) {
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
                    verdict.passed() ? "passed" : "FAILED", measured(verdict));
        }
    }

    private static String measured(Threshold.Verdict verdict) {
        if (Double.isNaN(verdict.measured())) {
            return "nothing: no message was echoed in the window";
        }
        return verdict.unit().equals("us") ? Units.latency(verdict.measured())
                : String.format(Locale.ROOT, "%,.0f %s", verdict.measured(), verdict.unit());
    }

    private static void printLatencies(PrintStream out, String label, Map<String, Double> micros) {
        out.print(label);
        for (Map.Entry<String, Double> entry : micros.entrySet()) {
            out.printf(Locale.ROOT, " %s %.1f us", entry.getKey(), entry.getValue());
        }
        out.println();
    }

    static void json(Object value, Path file) throws IOException {
        JSON.writeValue(file.toFile(), value);
    }

    static void html(RunResult result, Path file) throws IOException {
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>load-test: ")
                .append(escape(result.target())).append("</title><style>")
                .append("body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}svg{background:#fafafa;border:1px solid #ddd}")
                .append("</style></head><body>");
        page.append("<h1>load-test report</h1><p>").append(escape(result.scenario())).append(" against ")
                .append(escape(result.target())).append("</p>");
        page.append(String.format(Locale.ROOT, "<p>%,.0f msg/s, %.2f MiB/s over %.1f s; %d errors.</p>",
                result.messagesPerSecond(), result.mebibytesPerSecond(), result.seconds(), result.totalErrors()));
        page.append("<table><tr>");
        for (String name : result.latencyMicros().keySet()) {
            page.append("<th>").append(escape(name)).append("</th>");
        }
        page.append("</tr><tr>");
        for (double value : result.latencyMicros().values()) {
            page.append(String.format(Locale.ROOT, "<td>%.1f us</td>", value));
        }
        page.append("</tr></table>");
        page.append("<h2>Latency by percentile</h2>").append(percentilePlot(result.percentileCurve()));
        page.append("<h2>Throughput over time</h2>").append(throughputPlot(result.timeline()));
        page.append("<h2>Errors</h2><table>");
        for (Map.Entry<String, Long> entry : result.errors().entrySet()) {
            page.append("<tr><th>").append(escape(entry.getKey())).append("</th><td>").append(entry.getValue()).append("</td></tr>");
        }
        page.append("</table></body></html>\n");
        Files.writeString(file, page, StandardCharsets.UTF_8);
    }

    /** x: percentile on the usual log scale of 1/(1-p); y: latency, linear. */
    private static String percentilePlot(List<double[]> curve) {
        int width = 720;
        int height = 320;
        int pad = 50;
        StringBuilder svg = new StringBuilder("<svg width=\"" + width + "\" height=\"" + height + "\">");
        if (curve.isEmpty()) {
            return svg.append("<text x=\"20\" y=\"40\">no latencies recorded</text></svg>").toString();
        }
        double maxX = 6;
        double maxY = curve.stream().mapToDouble(p -> p[1]).max().orElse(1);
        StringBuilder points = new StringBuilder();
        for (double[] point : curve) {
            double x = Math.min(maxX, Math.log10(1 / Math.max(1e-6, 1 - point[0] / 100)));
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", pad + x / maxX * (width - 2 * pad),
                    height - pad - point[1] / maxY * (height - 2 * pad)));
        }
        svg.append("<polyline fill=\"none\" stroke=\"#1565c0\" stroke-width=\"2\" points=\"").append(points).append("\"/>");
        String[] labels = {"0%", "90%", "99%", "99.9%", "99.99%", "99.999%", "99.9999%"};
        for (int i = 0; i <= 6; i++) {
            double x = pad + i / maxX * (width - 2 * pad);
            svg.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>",
                    x, height - pad + 16, labels[i]));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" font-size=\"11\">%.0f us</text>", pad - 8, maxY));
        svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" font-size=\"11\">0</text>", height - pad));
        return svg.append("</svg>").toString();
    }

    private static String throughputPlot(List<RunResult.Second> timeline) {
        int width = 720;
        int height = 240;
        int pad = 50;
        StringBuilder svg = new StringBuilder("<svg width=\"" + width + "\" height=\"" + height + "\">");
        if (timeline.isEmpty()) {
            return svg.append("<text x=\"20\" y=\"40\">no measured seconds</text></svg>").toString();
        }
        double max = timeline.stream().mapToDouble(RunResult.Second::messagesPerSecond).max().orElse(1);
        double barWidth = (width - 2.0 * pad) / timeline.size();
        for (int i = 0; i < timeline.size(); i++) {
            double h = timeline.get(i).messagesPerSecond() / Math.max(1, max) * (height - 2 * pad);
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#2e7d32\"/>",
                    pad + i * barWidth, height - pad - h, Math.max(1, barWidth - 2), h));
        }
        // Above the plot area, so that no bar covers it.
        svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" font-size=\"11\">%,.0f msg/s</text>", pad - 8, max));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">seconds</text>", width / 2, height - pad + 16));
        return svg.append("</svg>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
