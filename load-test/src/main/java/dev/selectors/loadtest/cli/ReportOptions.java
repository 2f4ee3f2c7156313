package dev.selectors.loadtest.cli;

import dev.selectors.loadtest.generator.RunResult;
import dev.selectors.loadtest.generator.Threshold;
import dev.selectors.loadtest.report.Reports;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The reports and thresholds that {@code run} and {@code merge} share, checked before any work. */
final class ReportOptions {

    @Option(names = "--json", description = "Write the report as JSON to this file.")
    Path json;

    @Option(names = "--html", description = "Write a self-contained HTML report (latency by percentile, throughput "
            + "and p99 per second, thresholds) to this file.")
    Path html;

    @Option(names = "--threshold", paramLabel = "CONDITION", description = "Fail (exit status 3) unless this holds; "
            + "repeatable. A latency percentile (p50, p90, p99, p99.9, p99.99, max, mean: latency from the intended "
            + "send time) with a unit (ns, us, ms, s), or rate in msg/s: 'p99<2ms', 'p99.9<=10ms', 'rate>50000'. "
            + "The report lists each with its measured value.")
    List<String> thresholds = new ArrayList<>();

    private final List<Threshold> conditions = new ArrayList<>();

    /**
     * Parses the thresholds and checks that the report files can be written.
     *
     * @param spec the command, for usage errors
     * @throws ParameterException a threshold or a path is not valid
     */
    void check(CommandSpec spec) {
        conditions.clear();
        for (String text : thresholds) {
            try {
                conditions.add(Threshold.parse(text));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--threshold: " + e.getMessage());
            }
        }
        OutputFiles.checkWritable(spec, "--json", json);
        OutputFiles.checkWritable(spec, "--html", html);
    }

    /**
     * @param result what was measured
     * @return it with each threshold's verdict
     */
    RunResult judge(RunResult result) {
        List<Threshold.Verdict> verdicts = new ArrayList<>();
        for (Threshold condition : conditions) {
            verdicts.add(condition.check(result));
        }
        return result.withThresholds(verdicts);
    }

    /**
     * Prints the table and writes the reports.
     *
     * @param judged a result from {@link #judge}
     * @param out    where the table goes
     * @return the exit status
     * @throws IOException a report could not be written
     */
    int write(RunResult judged, PrintStream out) throws IOException {
        return Reports.write(judged, out, json, html);
    }
}
