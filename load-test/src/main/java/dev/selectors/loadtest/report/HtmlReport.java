package dev.selectors.loadtest.report;

import dev.selectors.loadtest.generator.RunResult;
import dev.selectors.loadtest.generator.Threshold;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link RunResult} as one self-contained HTML page (inline SVG, no script, nothing fetched):
 * the figures, the thresholds, latency by percentile on a logarithmic axis (with the uncorrected
 * latency and the lateness in an open loop), throughput and p99 per second, errors.
 */
final class HtmlReport {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 330;
    private static final int LEFT = 70;
    private static final int RIGHT = 40;
    private static final int TOP = 20;
    private static final int BOTTOM = 50;
    private static final String[] PERCENTILE_LABELS = {"0%", "90%", "99%", "99.9%", "99.99%", "99.999%", "99.9999%"};
    private static final String LATENCY_COLOR = "#1565c0";
    private static final String UNCORRECTED_COLOR = "#ef6c00";
    private static final String LATENESS_COLOR = "#6a1b9a";

    private HtmlReport() {
    }

    static void write(RunResult result, Path file) throws IOException {
        Files.writeString(file, page(result), StandardCharsets.UTF_8);
    }

    static String page(RunResult result) {
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>load-test: ")
                .append(escape(result.target())).append("</title><style>")
                .append("body{font-family:sans-serif;margin:2em;color:#222;max-width:60em}")
                .append("table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:4px 8px;")
                .append("text-align:right}th:first-child{text-align:left}svg{background:#fff;border:1px solid #ddd}")
                .append("svg text{font-size:11px;fill:#333}.grid{stroke:#e5e5e5}.axis{stroke:#888}")
                .append(".failed{color:#b71c1c;font-weight:bold}.passed{color:#1b5e20}.warning{color:#b71c1c}")
                .append("</style></head><body>");
        page.append("<h1>load-test report</h1><p>").append(escape(result.scenario())).append(" against ")
                .append(escape(result.target())).append("</p>");
        page.append(String.format(Locale.ROOT, "<p>%,.0f msg/s, %.2f MiB/s over %.1f s; %,d messages; %,d errors.</p>",
                result.messagesPerSecond(), result.mebibytesPerSecond(), result.seconds(), result.messages(),
                result.totalErrors()));
        if (result.interrupted()) {
            page.append("<p class=\"warning\">Stopped by a signal: the window was cut short.</p>");
        }
        String warning = result.latenessWarning();
        if (warning != null) {
            page.append("<p class=\"warning\">Warning: ").append(escape(warning)).append(".</p>");
        }
        page.append(latencyTable(result));
        if (!result.thresholds().isEmpty()) {
            page.append("<h2>Thresholds</h2><table><tr><th>threshold</th><th>measured</th><th>result</th></tr>");
            for (Threshold.Verdict verdict : result.thresholds()) {
                page.append("<tr><th>").append(escape(verdict.threshold())).append("</th><td>")
                        .append(Units.measured(verdict) == null ? "no message" : Units.measured(verdict))
                        .append("</td><td class=\"").append(verdict.passed() ? "passed\">passed" : "failed\">FAILED")
                        .append("</td></tr>");
            }
            page.append("</table>");
        }
        page.append("<h2>Latency by percentile</h2>").append(percentilePlot(result));
        page.append("<h2>Throughput per second</h2>").append(throughputPlot(result.timeline()));
        page.append("<h2>p99 latency per second</h2>").append(p99Plot(result.timeline()));
        page.append("<h2>Errors</h2><table>");
        for (Map.Entry<String, Long> entry : result.errors().entrySet()) {
            page.append("<tr><th>").append(escape(entry.getKey())).append("</th><td>").append(entry.getValue())
                    .append("</td></tr>");
        }
        return page.append("</table></body></html>\n").toString();
    }

    private static String latencyTable(RunResult result) {
        StringBuilder table = new StringBuilder("<table><tr><th></th>");
        for (String name : result.latencyMicros().keySet()) {
            table.append("<th>").append(escape(name)).append("</th>");
        }
        table.append("</tr>");
        latencyRow(table, "latency (from the intended send)", result.latencyMicros());
        if (!result.uncorrectedMicros().isEmpty()) {
            latencyRow(table, "latency from the actual send", result.uncorrectedMicros());
            latencyRow(table, "send lateness", result.latenessMicros());
        }
        return table.append("</table>").toString();
    }

    private static void latencyRow(StringBuilder table, String label, Map<String, Double> micros) {
        table.append("<tr><th>").append(escape(label)).append("</th>");
        for (double value : micros.values()) {
            table.append("<td>").append(Units.latency(value)).append("</td>");
        }
        table.append("</tr>");
    }

    // ------------------------------------------------------------------ plots

    /** x: percentile on the usual log scale of 1/(1-p); y: latency, logarithmic. */
    private static String percentilePlot(RunResult result) {
        List<double[]> latency = new ArrayList<>();
        for (double[] point : result.percentileCurve()) {
            latency.add(new double[] {percentileX(point[0]), point[1]});
        }
        if (latency.isEmpty()) {
            return empty("no latencies recorded");
        }
        List<double[]> uncorrected = namedPercentiles(result.uncorrectedMicros());
        List<double[]> lateness = namedPercentiles(result.latenessMicros());
        double maxX = Math.min(PERCENTILE_LABELS.length - 1,
                Math.max(2, Math.ceil(latency.stream().mapToDouble(p -> p[0]).max().orElse(2))));
        List<List<double[]>> all = List.of(latency, uncorrected, lateness);
        Axis y = Axis.logarithmic(minPositive(all), maxValue(all), HEIGHT - BOTTOM, TOP);
        Axis x = Axis.linear(maxX, LEFT, WIDTH - RIGHT);
        StringBuilder svg = open("Latency by percentile");
        latencyGrid(svg, y);
        for (int i = 0; i <= maxX; i++) {
            double px = x.pixel(i);
            svg.append(line("grid", px, TOP, px, HEIGHT - BOTTOM));
            svg.append(text(px, HEIGHT - BOTTOM + 16, "middle", PERCENTILE_LABELS[i]));
        }
        svg.append(text((LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 10, "middle", "percentile"));
        svg.append(polyline(latency, x, y, LATENCY_COLOR));
        List<String[]> legend = new ArrayList<>();
        legend.add(new String[] {LATENCY_COLOR, "latency from the intended send"});
        if (!uncorrected.isEmpty()) {
            svg.append(polyline(uncorrected, x, y, UNCORRECTED_COLOR));
            svg.append(polyline(lateness, x, y, LATENESS_COLOR));
            legend.add(new String[] {UNCORRECTED_COLOR, "latency from the actual send"});
            legend.add(new String[] {LATENESS_COLOR, "send lateness"});
        }
        legend(svg, legend);
        return svg.append("</svg>").toString();
    }

    private static String throughputPlot(List<RunResult.Second> timeline) {
        if (timeline.isEmpty()) {
            return empty("no measured seconds");
        }
        double max = timeline.stream().mapToDouble(RunResult.Second::messagesPerSecond).max().orElse(1);
        Axis y = Axis.linear(Math.max(1, max), HEIGHT - BOTTOM, TOP);
        StringBuilder svg = open("Throughput per second");
        for (double tick : y.ticks()) {
            svg.append(line(tick == 0 ? "axis" : "grid", LEFT, y.pixel(tick), WIDTH - RIGHT, y.pixel(tick)));
            svg.append(text(LEFT - 6, y.pixel(tick) + 4, "end", Units.count(tick)));
        }
        double barWidth = (WIDTH - LEFT - RIGHT) / (double) timeline.size();
        for (int i = 0; i < timeline.size(); i++) {
            double top = y.pixel(timeline.get(i).messagesPerSecond());
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                    + "fill=\"#2e7d32\"><title>second %d: %,.0f msg/s</title></rect>", LEFT + i * barWidth + 1, top,
                    Math.max(1, barWidth - 2), HEIGHT - BOTTOM - top, i + 1, timeline.get(i).messagesPerSecond()));
        }
        secondLabels(svg, timeline.size(), i -> LEFT + (i - 0.5) * barWidth);
        svg.append(text(14, TOP + (HEIGHT - TOP - BOTTOM) / 2.0, "middle", "msg/s", true));
        return svg.append("</svg>").toString();
    }

    private static String p99Plot(List<RunResult.Second> timeline) {
        List<double[]> points = new ArrayList<>();
        for (RunResult.Second second : timeline) {
            if (second.p99Micros() > 0) {
                points.add(new double[] {second.second(), second.p99Micros()});
            }
        }
        if (points.isEmpty()) {
            return empty("no measured seconds");
        }
        Axis y = Axis.logarithmic(minPositive(List.of(points)), maxValue(List.of(points)), HEIGHT - BOTTOM, TOP);
        Axis x = Axis.linear(Math.max(1, timeline.size()), LEFT, WIDTH - RIGHT);
        StringBuilder svg = open("p99 latency per second");
        latencyGrid(svg, y);
        secondLabels(svg, timeline.size(), x::pixel);
        svg.append(polyline(points, x, y, LATENCY_COLOR));
        return svg.append("</svg>").toString();
    }

    // ------------------------------------------------------------------ drawing

    private static StringBuilder open(String title) {
        return new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
                + "height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">", WIDTH, HEIGHT, WIDTH, HEIGHT,
                escape(title)));
    }

    private static String empty(String why) {
        return open(why) + "<text x=\"20\" y=\"40\">" + escape(why) + "</text></svg>";
    }

    private static void latencyGrid(StringBuilder svg, Axis y) {
        for (double tick : y.ticks()) {
            svg.append(line("grid", LEFT, y.pixel(tick), WIDTH - RIGHT, y.pixel(tick)));
            svg.append(text(LEFT - 6, y.pixel(tick) + 4, "end", Units.latency(tick)));
        }
        svg.append(line("axis", LEFT, TOP, LEFT, HEIGHT - BOTTOM));
        svg.append(line("axis", LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM));
        svg.append(text(14, TOP + (HEIGHT - TOP - BOTTOM) / 2.0, "middle", "latency (log scale)", true));
    }

    private static void secondLabels(StringBuilder svg, int seconds, java.util.function.IntToDoubleFunction x) {
        int every = Math.max(1, (int) Math.ceil(seconds / 15.0));
        for (int i = 1; i <= seconds; i++) {
            if (i % every == 0 || i == 1) {
                svg.append(text(x.applyAsDouble(i), HEIGHT - BOTTOM + 16, "middle", i + " s"));
            }
        }
        svg.append(text((LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 10, "middle", "second of the window"));
    }

    private static void legend(StringBuilder svg, List<String[]> entries) {
        double y = TOP + 14;
        for (String[] entry : entries) {
            svg.append(line(null, LEFT + 12, y - 4, LEFT + 36, y - 4).replace("/>",
                    " stroke=\"" + entry[0] + "\" stroke-width=\"3\"/>"));
            svg.append(text(LEFT + 42, y, "start", entry[1]));
            y += 16;
        }
    }

    private static String polyline(List<double[]> points, Axis x, Axis y, String color) {
        StringBuilder coordinates = new StringBuilder();
        for (double[] point : points) {
            coordinates.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.pixel(point[0]), y.pixel(point[1])));
        }
        return "<polyline class=\"series\" fill=\"none\" stroke=\"" + color + "\" stroke-width=\"2\" points=\""
                + coordinates.toString().trim() + "\"/>";
    }

    private static String line(String cssClass, double x1, double y1, double x2, double y2) {
        return String.format(Locale.ROOT, "<line%s x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
                cssClass == null ? "" : " class=\"" + cssClass + "\"", x1, y1, x2, y2);
    }

    private static String text(double x, double y, String anchor, String content) {
        return text(x, y, anchor, content, false);
    }

    private static String text(double x, double y, String anchor, String content, boolean vertical) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"%s>%s</text>", x, y, anchor,
                vertical ? String.format(Locale.ROOT, " transform=\"rotate(-90 %.1f %.1f)\"", x, y) : "",
                escape(content));
    }

    // ------------------------------------------------------------------ values

    private static double percentileX(double percentile) {
        return Math.log10(1 / Math.max(1e-6, 1 - percentile / 100));
    }

    private static List<double[]> namedPercentiles(Map<String, Double> micros) {
        List<double[]> points = new ArrayList<>();
        for (Map.Entry<String, Double> entry : micros.entrySet()) {
            String name = entry.getKey();
            if (name.startsWith("p")) {
                points.add(new double[] {percentileX(Double.parseDouble(name.substring(1))), entry.getValue()});
            }
        }
        return points;
    }

    private static double minPositive(List<List<double[]>> series) {
        return series.stream().flatMap(List::stream).mapToDouble(p -> p[1]).filter(v -> v > 0).min().orElse(1);
    }

    private static double maxValue(List<List<double[]>> series) {
        return series.stream().flatMap(List::stream).mapToDouble(p -> p[1]).max().orElse(1);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
