package dev.selectors.loadtest.cli;

import dev.selectors.loadtest.compare.ComparisonReport;
import dev.selectors.loadtest.compare.ComparisonRun;
import dev.selectors.loadtest.compare.InstructionCount;
import dev.selectors.loadtest.compare.ServerCatalogue;
import dev.selectors.loadtest.generator.Load;
import dev.selectors.loadtest.generator.Scenario;
import dev.selectors.loadtest.generator.Target;
import dev.selectors.loadtest.measure.CallgrindCounter;
import dev.selectors.loadtest.measure.PerfCounter;
import dev.selectors.loadtest.report.Reports;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code load-test compare}: the same scenarios against several servers, each its own process,
 * repetitions interleaved (A B C A B C) so that machine drift hits all alike, and a table of
 * medians: throughput, latency, and the work each server spends per message (CPU time from
 * /proc; instructions from perf where the machine counts them).
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs a scenario matrix against our echo server (each available backend), Netty epoll and NIO, "
                + "a JDK NIO selector server and a C epoll server, and writes medians with ratios to Netty epoll as "
                + "Markdown, JSON and HTML. On a small machine the generator caps throughput: rank servers by their "
                + "CPU time (or instructions) per message.")
public final class CompareCommand implements Callable<Integer> {

    /** The matrix (ping-pong 1x64 B, 100x64 B, 1000x1 KiB; pipeline 16, 100x4 KiB) and 1,000 idle connections. */
    static final List<String> DEFAULT_SCENARIOS =
            List.of("pingpong:1:64", "pingpong:100:64", "pingpong:1000:1k", "pipeline16:100:4k", "idle:1000:0");

    @Spec
    private CommandSpec spec;

    @Option(names = "--servers", split = ",", description = "Built-in servers to run: ours-<backend> (e.g. ours-epoll, "
            + "ours-poll), netty-epoll, netty-nio, jdk-nio, c-epoll (default: ours with each available backend but "
            + "select, and every peer).")
    private List<String> servers;

    @Option(names = "--server", description = "An external server, NAME=COMMAND, with {port} where the port goes; "
            + "repeatable. Example: --server 'python=python3 echo.py {port}'.")
    private List<String> externalServers = new ArrayList<>();

    @Option(names = "--scenario", description = "MODE:CONNECTIONS:SIZE, MODE being pingpong, pipelineN, rateR (open "
            + "loop, R msg/s over all connections), or idle (connections that send nothing: compares the servers' "
            + "memory); repeatable "
            + "(default: pingpong:1:64, pingpong:100:64, pingpong:1000:1k, pipeline16:100:4k, idle:1000:0).")
    private List<String> scenarios;

    @Option(names = "--repetitions", defaultValue = "3", description = "Runs of each scenario on each server (default: ${DEFAULT-VALUE}).")
    private int repetitions;

    @Option(names = "--warmup", defaultValue = "2s", description = "Warm-up before each measured run (default: ${DEFAULT-VALUE}).")
    private String warmup;

    @Option(names = "--duration", defaultValue = "5s", description = "Each measured run (default: ${DEFAULT-VALUE}).")
    private String duration;

    @Option(names = "--server-threads", defaultValue = "1", description = "Event loop threads of every server (default: ${DEFAULT-VALUE}).")
    private int serverThreads;

    @Option(names = "--generator-threads", defaultValue = "1", description = "Generator event loops (default: ${DEFAULT-VALUE}).")
    private int generatorThreads;

    @Option(names = "--java", description = "The java command for the JVM servers (default: the one running load-test).")
    private String java;

    @Option(names = "--no-pin", description = "Do not pin the generator to CPU 0 and the servers to CPU 1.")
    private boolean noPin;

    @Option(names = "--instructions", defaultValue = "auto", description = "How to count each server's instructions "
            + "per message: auto (perf where the machine has hardware counters, else none), perf, none, or valgrind: "
            + "every server runs under Valgrind's callgrind, which counts user-space instructions exactly on any "
            + "machine but runs user space several times slower, so msg/s, latency and CPU of such a run rank nothing "
            + "(default: ${DEFAULT-VALUE}).")
    private String instructions;

    @Option(names = "--callgrind-settle", paramLabel = "DURATION", defaultValue = "10s", description = "With "
            + "--instructions valgrind: switch each server's instrumentation on this long before the window opens "
            + "(at most the warm-up) and zero its counters when it opens, so that what the JIT recompiles after the "
            + "switch slowed the server is not counted (default: ${DEFAULT-VALUE}).")
    private String callgrindSettle;

    @Option(names = "--out", defaultValue = "compare-results", description = "Directory for compare.md, compare.json, "
            + "compare.html and the servers' logs (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Override
    public Integer call() throws Exception {
        if (repetitions < 1) {
            throw new ParameterException(spec.commandLine(), "--repetitions must be at least 1");
        }
        // Every argument is checked before anything is written or compiled.
        List<Scenario> matrix = new ArrayList<>();
        for (String text : scenarios == null ? DEFAULT_SCENARIOS : scenarios) {
            matrix.add(parseScenario(text));
        }
        InstructionCount counting = instructionCount();
        Duration callgrindLead = LoadTestCommand.duration(spec, "--callgrind-settle", callgrindSettle);
        ServerCatalogue catalogue = new ServerCatalogue(servers, externalServers, serverThreads, java, out);
        List<String> names;
        try {
            names = catalogue.names();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Files.createDirectories(out);
        List<ServerCatalogue.Variant> variants = catalogue.variants(names);
        String machine = ComparisonReport.machine();
        boolean pin = !noPin && Runtime.getRuntime().availableProcessors() >= 2
                && ServerCatalogue.commandExists("taskset");
        ComparisonRun runs = new ComparisonRun(out, generatorThreads, callgrindLead);
        if (pin) {
            new ProcessBuilder("taskset", "-a", "-p", "-c", "0", String.valueOf(ProcessHandle.current().pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
        PrintStream console = System.out;
        String countingNote = counting.note();
        console.println("compare: " + variants.size() + " servers x " + matrix.size() + " scenarios x " + repetitions
                + " repetitions; " + (pin ? "generator on CPU 0, servers on CPU 1" : "no CPU pinning") + "; " + countingNote);

        List<ComparisonRun.Measurement> measurements = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int repetition = 1; repetition <= repetitions; repetition++) {
            for (Scenario scenario : matrix) {
                for (ServerCatalogue.Variant variant : variants) {
                    ComparisonRun.Measurement measurement;
                    try {
                        measurement = runs.measure(variant, scenario, repetition, pin, counting);
                    } catch (IOException e) {
                        // One server that fails (to start, or to be counted) must not lose the others' runs.
                        String failure = String.format(Locale.ROOT, "#%d %s %s: %s", repetition, scenario.load().label(),
                                variant.name(), e.getMessage());
                        failures.add(failure);
                        console.println("  " + failure);
                        continue;
                    }
                    measurements.add(measurement);
                    console.printf(Locale.ROOT, "  #%d %-24s %-14s %,12.0f msg/s  p99 %8.1f us  cpu %6.2f us/msg  "
                                    + "user instr %s/msg  rss %6.1f MiB  errors %d%n",
                            repetition, scenario.load().label(), variant.name(), measurement.messagesPerSecond(),
                            measurement.p99Micros(), measurement.userMicrosPerMessage() + measurement.kernelMicrosPerMessage(),
                            ComparisonReport.format(measurement.userInstructionsPerMessage()), measurement.serverResidentMib(),
                            measurement.errors());
                }
            }
        }
        List<ComparisonReport.Row> rows = ComparisonReport.medians(matrix, variants, measurements);
        String settings = "Medians of " + repetitions + " interleaved runs; " + duration + " measured after " + warmup
                + " warm-up; " + serverThreads + " server thread(s)";
        String markdown = ComparisonReport.markdown(rows, settings, pin, counting, machine)
                + ComparisonReport.failureList(failures);
        console.println();
        console.println(markdown);
        Files.writeString(out.resolve("compare.md"), markdown, StandardCharsets.UTF_8);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("machine", machine);
        json.put("pinned", pin);
        json.put("instructions", countingNote);
        json.put("rows", rows);
        json.put("measurements", measurements);
        json.put("failures", failures);
        Reports.json(json, out.resolve("compare.json"));
        Files.writeString(out.resolve("compare.html"), ComparisonReport.html(markdown), StandardCharsets.UTF_8);
        return !failures.isEmpty() || measurements.stream().anyMatch(m -> m.errors() > 0) ? 1 : 0;
    }

    private static String perfCannotCountInstructions() {
        return PerfCounter.unavailableReason(PerfCounter.INSTRUCTIONS);
    }

    private InstructionCount instructionCount() {
        switch (instructions.trim().toLowerCase(Locale.ROOT)) {
            case "auto":
                return perfCannotCountInstructions() == null ? InstructionCount.PERF : InstructionCount.NONE;
            case "perf":
                if (perfCannotCountInstructions() != null) {
                    throw new ParameterException(spec.commandLine(), "--instructions perf: " + perfCannotCountInstructions()
                            + "; try --instructions valgrind");
                }
                return InstructionCount.PERF;
            case "valgrind":
                if (CallgrindCounter.unavailableReason() != null) {
                    throw new ParameterException(spec.commandLine(), "--instructions valgrind: "
                            + CallgrindCounter.unavailableReason());
                }
                return InstructionCount.VALGRIND;
            case "none":
                return InstructionCount.NONE;
            default:
                throw new ParameterException(spec.commandLine(), "--instructions must be auto, perf, valgrind or none, not '"
                        + instructions + "'");
        }
    }


    // ------------------------------------------------------------------ servers and scenarios







    private Scenario parseScenario(String text) {
        Load load;
        try {
            load = Load.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--scenario: " + e.getMessage());
        }
        return new Scenario(new Target("127.0.0.1", 1), load, LoadTestCommand.duration(spec, "--warmup", warmup),
                LoadTestCommand.duration(spec, "--duration", duration), 0, 1, "auto", Scenario.DEFAULT_SPIN);
    }

    // ------------------------------------------------------------------ results








}
