package dev.selectors.loadtest.compare;

import dev.selectors.loadtest.generator.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** What {@code compare} writes: the medians of its runs as Markdown, and the Markdown as HTML. */
public final class ComparisonReport {

    /** The medians of one scenario on one server. */
    public record Row(String scenario, String server, double messagesPerSecond, double p99Micros, double cpuMicrosPerMessage,
               double userMicrosPerMessage, double kernelMicrosPerMessage, double userInstructionsPerMessage,
               double kernelInstructionsPerMessage, long errors, double throughputVsNetty, double cpuVsNetty,
               double generatorMicrosPerMessage, double generatorInstructionsPerMessage, double serverResidentMib,
               double serverSyscallsPerMessage, double generatorSyscallsPerMessage) {
    }

    private ComparisonReport() {
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().filter(v -> !v.isNaN()).sorted().collect(Collectors.toList());
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    public static List<Row> medians(List<Scenario> matrix, List<ServerCatalogue.Variant> variants,
                             List<ComparisonRun.Measurement> measurements) {
        List<Row> rows = new ArrayList<>();
        for (Scenario scenario : matrix) {
            String label = scenario.load().label();
            Map<String, List<ComparisonRun.Measurement>> byServer = new LinkedHashMap<>();
            for (ServerCatalogue.Variant variant : variants) {
                byServer.put(variant.name(), measurements.stream()
                        .filter(m -> m.scenario().equals(label) && m.server().equals(variant.name())).toList());
            }
            List<ComparisonRun.Measurement> netty = byServer.getOrDefault("netty-epoll", List.of());
            double nettyRate = median(netty.stream().map(ComparisonRun.Measurement::messagesPerSecond).toList());
            double nettyCpu = median(netty.stream().map(m -> m.userMicrosPerMessage() + m.kernelMicrosPerMessage()).toList());
            for (Map.Entry<String, List<ComparisonRun.Measurement>> entry : byServer.entrySet()) {
                List<ComparisonRun.Measurement> runs = entry.getValue();
                if (runs.isEmpty()) {
                    continue; // every run of it failed: listed under the table, not a row of NaNs
                }
                double rate = median(runs.stream().map(ComparisonRun.Measurement::messagesPerSecond).toList());
                double cpu = median(runs.stream().map(m -> m.userMicrosPerMessage() + m.kernelMicrosPerMessage()).toList());
                rows.add(new Row(label, entry.getKey(), rate, median(runs.stream().map(ComparisonRun.Measurement::p99Micros).toList()), cpu,
                        median(runs.stream().map(ComparisonRun.Measurement::userMicrosPerMessage).toList()),
                        median(runs.stream().map(ComparisonRun.Measurement::kernelMicrosPerMessage).toList()),
                        median(runs.stream().map(ComparisonRun.Measurement::userInstructionsPerMessage).toList()),
                        median(runs.stream().map(ComparisonRun.Measurement::kernelInstructionsPerMessage).toList()),
                        runs.stream().mapToLong(ComparisonRun.Measurement::errors).sum(), rate / nettyRate, cpu / nettyCpu,
                        median(runs.stream().map(ComparisonRun.Measurement::generatorMicrosPerMessage).toList()),
                        median(runs.stream().map(ComparisonRun.Measurement::generatorInstructionsPerMessage).toList()),
                        median(runs.stream().map(ComparisonRun.Measurement::serverResidentMib).toList()),
                        median(runs.stream().map(ComparisonRun.Measurement::serverSyscallsPerMessage).toList()),
                        median(runs.stream().map(ComparisonRun.Measurement::generatorSyscallsPerMessage).toList())));
            }
        }
        return rows;
    }

    /**
     * @param rows     the medians
     * @param settings how the runs were made (repetitions, durations, threads), in words
     * @param pinned   whether the generator and the servers were pinned to CPUs
     * @param counting how instructions were counted
     * @param machine  the machine, in words
     * @return the table with its explanation
     */
    public static String markdown(List<Row> rows, String settings, boolean pinned, InstructionCount counting,
                           String machine) {
        StringBuilder text = new StringBuilder();
        text.append(settings).append("; ")
                .append(pinned ? "generator on CPU 0, server on CPU 1" : "no CPU pinning").append(". ")
                .append("CPU us/msg is the server process's user + kernel time over the measured window per echoed message; ")
                .append("generator us/msg is the same for the load generator; syscalls/msg are the system calls each "
                        + "process entered per message (perf tracepoint raw_syscalls:sys_enter), server / generator; "
                        + "RSS is the server's resident memory at the window's end")
                .append(counting == InstructionCount.PERF ? "; instr/msg from perf stat, the generator's (this process, "
                        + "user space) after the slash."
                        : counting == InstructionCount.VALGRIND ? "; user instr/msg counted by Valgrind (callgrind) over the "
                        + "window, kernel instructions not counted; every server ran under Valgrind, so msg/s, p99 and CPU "
                        + "are not native speeds."
                        : "; " + counting.note() + ".")
                .append("\n\n");
        text.append("| scenario | server | msg/s | vs Netty epoll | p99 us | CPU us/msg (user + kernel) | vs Netty epoll "
                + "| user instr/msg (server / generator) | kernel instr/msg | generator us/msg | syscalls/msg | RSS MiB | errors |\n");
        text.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            boolean idle = row.scenario().startsWith("idle");
            text.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %.1f | %d |%n",
                    row.scenario(), row.server(), idle ? "-" : String.format(Locale.ROOT, "%,.0f", row.messagesPerSecond()),
                    idle ? "-" : ratio(row.throughputVsNetty()),
                    idle ? "-" : String.format(Locale.ROOT, "%.1f", row.p99Micros()),
                    idle ? "-" : String.format(Locale.ROOT, "%.2f (%.2f + %.2f)", row.cpuMicrosPerMessage(),
                            row.userMicrosPerMessage(), row.kernelMicrosPerMessage()),
                    idle ? "-" : ratio(row.cpuVsNetty()),
                    Double.isNaN(row.generatorInstructionsPerMessage()) ? format(row.userInstructionsPerMessage())
                            : format(row.userInstructionsPerMessage()) + " / " + format(row.generatorInstructionsPerMessage()),
                    format(row.kernelInstructionsPerMessage()),
                    idle ? "-" : String.format(Locale.ROOT, "%.2f", row.generatorMicrosPerMessage()),
                    idle || Double.isNaN(row.serverSyscallsPerMessage()) ? "-" : String.format(Locale.ROOT, "%.2f / %.2f",
                            row.serverSyscallsPerMessage(), row.generatorSyscallsPerMessage()),
                    row.serverResidentMib(), row.errors()));
        }
        text.append("\nMachine: ").append(machine).append('\n');
        return text.toString();
    }

    public static String failureList(List<String> failures) {
        if (failures.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("\nRuns that failed (left out of the medians):\n\n");
        for (String failure : failures) {
            text.append("- ").append(failure).append('\n');
        }
        return text.toString();
    }

    public static String format(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,.0f", value);
    }

    /** A ratio to Netty epoll; "n/a" when Netty epoll was not in the run. */
    private static String ratio(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }

    /** Read before pinning, which would make this process see one CPU. */
    public static String machine() {
        return Runtime.getRuntime().availableProcessors() + " CPUs, " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " " + System.getProperty("os.arch") + ", Java "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
    }

    public static String html(String markdown) {
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>load-test compare</title>"
                + "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
                + "padding:4px 8px;text-align:right}td:first-child,td:nth-child(2){text-align:left}</style></head><body>"
                + "<h1>load-test compare</h1>");
        boolean inTable = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("|")) {
                if (line.startsWith("|---")) {
                    continue;
                }
                String cell = inTable ? "td" : "th";
                if (!inTable) {
                    page.append("<table>");
                    inTable = true;
                }
                page.append("<tr>");
                for (String value : line.substring(1, line.length() - 1).split("\\|")) {
                    page.append('<').append(cell).append('>').append(value.trim().replace("&", "&amp;").replace("<", "&lt;"))
                            .append("</").append(cell).append('>');
                }
                page.append("</tr>");
            } else {
                if (inTable) {
                    page.append("</table>");
                    inTable = false;
                }
                if (!line.isBlank()) {
                    page.append("<p>").append(line.replace("&", "&amp;").replace("<", "&lt;")).append("</p>");
                }
            }
        }
        if (inTable) {
            page.append("</table>");
        }
        return page.append("</body></html>\n").toString();
    }
}
