package dev.selectors.loadtest;

import dev.selectors.Backend;
import dev.selectors.Selectors;
import dev.selectors.echo.EchoServerCommand;
import dev.selectors.loadtest.servers.JdkNioEchoServer;
import dev.selectors.loadtest.servers.NettyEchoServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
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

    @Option(names = "--scenario", description = "MODE:CONNECTIONS:SIZE, MODE being pingpong, pipelineN, or idle "
            + "(connections that send nothing: compares the servers' memory); repeatable "
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
    private Duration callgrindLead;

    @Option(names = "--out", defaultValue = "compare-results", description = "Directory for compare.md, compare.json, "
            + "compare.html and the servers' logs (default: ${DEFAULT-VALUE}).")
    private Path out;

    /** One server under comparison. */
    record Variant(String name, List<String> command) {
    }

    /** One run of one scenario on one server. */
    record Measurement(String server, String scenario, int repetition, double messagesPerSecond, double p99Micros,
                       long errors, double userMicrosPerMessage, double kernelMicrosPerMessage,
                       double userInstructionsPerMessage, double kernelInstructionsPerMessage,
                       double generatorMicrosPerMessage, double generatorInstructionsPerMessage,
                       double serverResidentMib, double serverSyscallsPerMessage, double generatorSyscallsPerMessage) {
    }

    /** The medians of one scenario on one server. */
    record Row(String scenario, String server, double messagesPerSecond, double p99Micros, double cpuMicrosPerMessage,
               double userMicrosPerMessage, double kernelMicrosPerMessage, double userInstructionsPerMessage,
               double kernelInstructionsPerMessage, long errors, double throughputVsNetty, double cpuVsNetty,
               double generatorMicrosPerMessage, double generatorInstructionsPerMessage, double serverResidentMib,
               double serverSyscallsPerMessage, double generatorSyscallsPerMessage) {
    }

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
        callgrindLead = LoadTestCommand.duration(spec, "--callgrind-settle", callgrindSettle);
        List<String> names = serverNames();
        Files.createDirectories(out);
        List<Variant> variants = variants(names);
        String machine = machine();
        boolean pin = !noPin && Runtime.getRuntime().availableProcessors() >= 2 && commandExists("taskset");
        if (pin) {
            new ProcessBuilder("taskset", "-a", "-p", "-c", "0", String.valueOf(ProcessHandle.current().pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
        PrintStream console = System.out;
        String countingNote = counting.note();
        console.println("compare: " + variants.size() + " servers x " + matrix.size() + " scenarios x " + repetitions
                + " repetitions; " + (pin ? "generator on CPU 0, servers on CPU 1" : "no CPU pinning") + "; " + countingNote);

        List<Measurement> measurements = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int repetition = 1; repetition <= repetitions; repetition++) {
            for (Scenario scenario : matrix) {
                for (Variant variant : variants) {
                    Measurement measurement;
                    try {
                        measurement = measure(variant, scenario, repetition, pin, counting);
                    } catch (IOException e) {
                        // One server that fails (to start, or to be counted) must not lose the others' runs.
                        String failure = String.format(Locale.ROOT, "#%d %s %s: %s", repetition, label(scenario),
                                variant.name(), e.getMessage());
                        failures.add(failure);
                        console.println("  " + failure);
                        continue;
                    }
                    measurements.add(measurement);
                    console.printf(Locale.ROOT, "  #%d %-24s %-14s %,12.0f msg/s  p99 %8.1f us  cpu %6.2f us/msg  "
                                    + "user instr %s/msg  rss %6.1f MiB  errors %d%n",
                            repetition, label(scenario), variant.name(), measurement.messagesPerSecond(),
                            measurement.p99Micros(), measurement.userMicrosPerMessage() + measurement.kernelMicrosPerMessage(),
                            format(measurement.userInstructionsPerMessage()), measurement.serverResidentMib(),
                            measurement.errors());
                }
            }
        }
        List<Row> rows = medians(matrix, variants, measurements);
        String markdown = markdown(rows, pin, counting, machine) + failureList(failures);
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
        Files.writeString(out.resolve("compare.html"), html(markdown), StandardCharsets.UTF_8);
        return !failures.isEmpty() || measurements.stream().anyMatch(m -> m.errors() > 0) ? 1 : 0;
    }

    /** How instructions are counted in this run. */
    enum InstructionCount {
        PERF, VALGRIND, NONE;

        String note() {
            switch (this) {
                case PERF:
                    return "perf counts user and kernel instructions";
                case VALGRIND:
                    return "every server runs under Valgrind (callgrind), which counts its user-space instructions; "
                            + "msg/s, latency and CPU are not native speeds";
                default:
                    String reason = perfCannotCountInstructions();
                    return "instructions not counted" + (reason == null ? "" : " (" + reason + ")");
            }
        }
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

    private Measurement measure(Variant variant, Scenario template, int repetition, boolean pin,
                                InstructionCount counting) throws Exception {
        List<String> command = new ArrayList<>();
        if (pin) {
            command.addAll(List.of("taskset", "-c", "1"));
        }
        Path callgrindPrefix = out.resolve("callgrind").resolve(variant.name() + "-" + repetition + "-"
                + label(template).replace(' ', '-'));
        if (counting == InstructionCount.VALGRIND) {
            Files.createDirectories(callgrindPrefix.getParent());
            command.addAll(CallgrindCounter.wrap(variant.command(), callgrindPrefix));
        } else {
            command.addAll(variant.command());
        }
        Path log = out.resolve(variant.name() + ".log");
        try (ServerProcess server = ServerProcess.start(command, log)) {
            Scenario scenario = new Scenario(new Target("127.0.0.1", server.port), template.connections(),
                    template.sizes(), template.pipeline(), 0, template.warmup(), template.duration(), 0,
                    Math.min(generatorThreads, template.connections()), "auto");
            ProcessCpu[] cpu = new ProcessCpu[2];
            ProcessCpu[] generatorCpu = new ProcessCpu[2];
            long[] residentKib = new long[1];
            long self = ProcessHandle.current().pid();
            // The server's instructions, and with perf the generator's own (this process).
            PerfCounter[] perf = new PerfCounter[2];
            CallgrindCounter[] callgrind = new CallgrindCounter[1];
            PerfCounter[] syscalls = new PerfCounter[2];
            long[][] instructions = new long[2][];
            long[][] syscallCounts = new long[2][];
            Duration settle = counting == InstructionCount.VALGRIND ? callgrindLead : Duration.ZERO;
            RunResult result = Generator.run(scenario, null, null, new Generator.Window() {
                @Override
                public Duration settle() {
                    return settle;
                }

                @Override
                public void settling() {
                    try {
                        CallgrindCounter.instrument(server.pid());
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException("cannot switch the server's instrumentation on: " + e, e);
                    }
                }

                @Override
                public void opened() {
                    try {
                        cpu[0] = ProcessCpu.of(server.pid());
                        generatorCpu[0] = ProcessCpu.of(self);
                        syscalls[0] = PerfCounter.start(server.pid(), PerfCounter.SYSCALLS);
                        syscalls[1] = PerfCounter.start(self, PerfCounter.SYSCALLS);
                        if (counting == InstructionCount.PERF) {
                            perf[0] = PerfCounter.start(server.pid(), PerfCounter.INSTRUCTIONS);
                            perf[1] = PerfCounter.start(self, PerfCounter.INSTRUCTIONS);
                        } else if (counting == InstructionCount.VALGRIND) {
                            callgrind[0] = CallgrindCounter.start(server.pid(), callgrindPrefix);
                        }
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException("cannot read the server's CPU time: " + e, e);
                    }
                }

                @Override
                public void closed(long messages) {
                    try {
                        cpu[1] = ProcessCpu.of(server.pid());
                        generatorCpu[1] = ProcessCpu.of(self);
                        residentKib[0] = ProcessCpu.residentKib(server.pid());
                        for (int i = 0; i < 2; i++) {
                            syscallCounts[i] = syscalls[i] == null ? null : syscalls[i].stop();
                        }
                        if (perf[0] != null) {
                            instructions[0] = perf[0].stop();
                            instructions[1] = perf[1].stop();
                        } else if (callgrind[0] != null) {
                            instructions[0] = new long[] {callgrind[0].stop(), -1};
                        }
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException("cannot read the server's CPU time: " + e, e);
                    }
                }
            }, new RunControl());
            ProcessCpu used = cpu[1].minus(cpu[0]);
            ProcessCpu generatorUsed = generatorCpu[1].minus(generatorCpu[0]);
            boolean idle = template.pipeline() == 0;
            // The CPU was read over the window: the messages echoed in it, not those drained after.
            double messages = idle ? Double.NaN : Math.max(1, result.messages() - result.drained());
            double userInstructions = instructions[0] == null ? Double.NaN : instructions[0][0] / messages;
            double kernelInstructions = instructions[0] == null || instructions[0][1] < 0 ? Double.NaN
                    : instructions[0][1] / messages;
            double generatorInstructions = instructions[1] == null ? Double.NaN : instructions[1][0] / messages;
            return new Measurement(variant.name(), label(template), repetition, result.messagesPerSecond(),
                    idle ? Double.NaN : result.latencyMicros().get("p99"), result.totalErrors(), used.userMicros() / messages,
                    used.kernelMicros() / messages, userInstructions, kernelInstructions,
                    (generatorUsed.userMicros() + generatorUsed.kernelMicros()) / messages, generatorInstructions,
                    residentKib[0] / 1024.0,
                    syscallCounts[0] == null ? Double.NaN : syscallCounts[0][0] / messages,
                    syscallCounts[1] == null ? Double.NaN : syscallCounts[1][0] / messages);
        }
    }

    // ------------------------------------------------------------------ servers and scenarios

    private List<String> serverNames() throws IOException, InterruptedException {
        List<String> names = servers;
        if (names == null) {
            names = new ArrayList<>();
            for (Backend backend : Selectors.backends()) {
                if (backend.available() && !backend.name().equals("select")) {
                    names.add("ours-" + backend.name());
                }
            }
            names.addAll(List.of("netty-epoll", "netty-nio", "jdk-nio"));
            if (commandExists("cc")) {
                names.add("c-epoll");
            }
        }
        for (String name : names) {
            if (!name.trim().matches("ours-[a-z]+|netty-epoll|netty-nio|jdk-nio|c-epoll")) {
                throw new ParameterException(spec.commandLine(), "unknown server '" + name
                        + "': use ours-<backend>, netty-epoll, netty-nio, jdk-nio or c-epoll");
            }
        }
        for (String external : externalServers) {
            if (external.indexOf('=') <= 0 || !external.contains("{port}")) {
                throw new ParameterException(spec.commandLine(), "--server must be NAME=COMMAND with {port} in it, not '" + external + "'");
            }
        }
        return names;
    }

    private List<Variant> variants(List<String> names) throws IOException, InterruptedException {
        List<Variant> variants = new ArrayList<>();
        for (String name : names) {
            variants.add(builtIn(name.trim()));
        }
        for (String external : externalServers) {
            int equals = external.indexOf('=');
            variants.add(new Variant(external.substring(0, equals),
                    Arrays.asList(external.substring(equals + 1).trim().split("\\s+"))));
        }
        return variants;
    }

    private Variant builtIn(String name) throws IOException, InterruptedException {
        String threads = String.valueOf(serverThreads);
        if (name.startsWith("ours-")) {
            return new Variant(name, jvm(EchoServerCommand.class, "--port", "{port}", "--threads", threads,
                    "--backend", name.substring("ours-".length())));
        }
        switch (name) {
            case "netty-epoll":
                return new Variant(name, jvm(NettyEchoServer.class, "--port", "{port}", "--threads", threads, "--transport", "epoll"));
            case "netty-nio":
                return new Variant(name, jvm(NettyEchoServer.class, "--port", "{port}", "--threads", threads, "--transport", "nio"));
            case "jdk-nio":
                return new Variant(name, jvm(JdkNioEchoServer.class, "--port", "{port}", "--threads", threads));
            case "c-epoll":
                return new Variant(name, List.of(buildCServer().toString(), "{port}"));
            default:
                throw new ParameterException(spec.commandLine(), "unknown server '" + name
                        + "': use ours-<backend>, netty-epoll, netty-nio, jdk-nio or c-epoll");
        }
    }

    private List<String> jvm(Class<?> main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(java != null ? java : ProcessHandle.current().info().command().orElse("java"));
        command.add("--enable-native-access=ALL-UNNAMED");
        // The same heap for every JVM server; Netty's leak detector off, as in production.
        command.addAll(List.of("-Xms256m", "-Xmx256m", "-Dio.netty.leakDetection.level=disabled"));
        String binding = System.getProperty("selectors.native");
        if (binding != null) {
            command.add("-Dselectors.native=" + binding);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(Arrays.asList(args));
        return command;
    }

    /** Compiles the C floor from the source this jar carries, with the system cc. */
    private Path buildCServer() throws IOException, InterruptedException {
        Path dir = out.resolve("c-epoll");
        Files.createDirectories(dir);
        Path source = dir.resolve("epoll_echo.c");
        try (InputStream in = CompareCommand.class.getResourceAsStream("/c/epoll_echo.c")) {
            if (in == null) {
                throw new IOException("epoll_echo.c is missing from the class path");
            }
            Files.write(source, in.readAllBytes());
        }
        Path binary = dir.resolve("epoll_echo");
        Process cc = new ProcessBuilder("cc", "-O2", "-o", binary.toString(), source.toString())
                .redirectErrorStream(true).start();
        String output = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (cc.waitFor() != 0) {
            throw new IOException("cc failed: " + output);
        }
        return binary;
    }

    private static boolean commandExists(String command) throws IOException, InterruptedException {
        return new ProcessBuilder("sh", "-c", "command -v " + command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
    }

    private Scenario parseScenario(String text) {
        String[] parts = text.split(":");
        if (parts.length != 3 || !parts[0].matches("pingpong|pipeline\\d+|idle")) {
            throw new ParameterException(spec.commandLine(), "--scenario must be MODE:CONNECTIONS:SIZE with MODE "
                    + "pingpong, pipelineN or idle, e.g. pipeline16:100:4k or idle:1000:0, not '" + text + "'");
        }
        boolean idle = parts[0].equals("idle");
        int pipeline = idle ? 0 : parts[0].equals("pingpong") ? 1 : Integer.parseInt(parts[0].substring("pipeline".length()));
        int connections;
        SizeRange sizes;
        try {
            connections = Integer.parseInt(parts[1]);
            sizes = idle ? new SizeRange(1, 1) : SizeRange.parse(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--scenario '" + text + "': " + e.getMessage());
        }
        if (connections < 1 || (pipeline < 1 && !idle)) {
            throw new ParameterException(spec.commandLine(), "--scenario '" + text + "': connections and pipeline must be at least 1");
        }
        return new Scenario(new Target("127.0.0.1", 1), connections, sizes, pipeline, 0,
                LoadTestCommand.duration(spec, "--warmup", warmup), LoadTestCommand.duration(spec, "--duration", duration),
                0, 1, "auto");
    }

    private static String label(Scenario scenario) {
        if (scenario.pipeline() == 0) {
            return "idle " + scenario.connections() + " connections";
        }
        return (scenario.pipeline() == 1 ? "pingpong" : "pipeline" + scenario.pipeline()) + " " + scenario.connections()
                + "x" + scenario.sizes();
    }

    // ------------------------------------------------------------------ results

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().filter(v -> !v.isNaN()).sorted().collect(Collectors.toList());
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static List<Row> medians(List<Scenario> matrix, List<Variant> variants, List<Measurement> measurements) {
        List<Row> rows = new ArrayList<>();
        for (Scenario scenario : matrix) {
            String label = label(scenario);
            Map<String, List<Measurement>> byServer = new LinkedHashMap<>();
            for (Variant variant : variants) {
                byServer.put(variant.name(), measurements.stream()
                        .filter(m -> m.scenario().equals(label) && m.server().equals(variant.name())).toList());
            }
            List<Measurement> netty = byServer.getOrDefault("netty-epoll", List.of());
            double nettyRate = median(netty.stream().map(Measurement::messagesPerSecond).toList());
            double nettyCpu = median(netty.stream().map(m -> m.userMicrosPerMessage() + m.kernelMicrosPerMessage()).toList());
            for (Map.Entry<String, List<Measurement>> entry : byServer.entrySet()) {
                List<Measurement> runs = entry.getValue();
                if (runs.isEmpty()) {
                    continue; // every run of it failed: listed under the table, not a row of NaNs
                }
                double rate = median(runs.stream().map(Measurement::messagesPerSecond).toList());
                double cpu = median(runs.stream().map(m -> m.userMicrosPerMessage() + m.kernelMicrosPerMessage()).toList());
                rows.add(new Row(label, entry.getKey(), rate, median(runs.stream().map(Measurement::p99Micros).toList()), cpu,
                        median(runs.stream().map(Measurement::userMicrosPerMessage).toList()),
                        median(runs.stream().map(Measurement::kernelMicrosPerMessage).toList()),
                        median(runs.stream().map(Measurement::userInstructionsPerMessage).toList()),
                        median(runs.stream().map(Measurement::kernelInstructionsPerMessage).toList()),
                        runs.stream().mapToLong(Measurement::errors).sum(), rate / nettyRate, cpu / nettyCpu,
                        median(runs.stream().map(Measurement::generatorMicrosPerMessage).toList()),
                        median(runs.stream().map(Measurement::generatorInstructionsPerMessage).toList()),
                        median(runs.stream().map(Measurement::serverResidentMib).toList()),
                        median(runs.stream().map(Measurement::serverSyscallsPerMessage).toList()),
                        median(runs.stream().map(Measurement::generatorSyscallsPerMessage).toList())));
            }
        }
        return rows;
    }

    private String markdown(List<Row> rows, boolean pinned, InstructionCount counting, String machine) {
        StringBuilder text = new StringBuilder();
        text.append("Medians of ").append(repetitions).append(" interleaved runs; ").append(duration).append(" measured after ")
                .append(warmup).append(" warm-up; ").append(serverThreads).append(" server thread(s); ")
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

    private static String failureList(List<String> failures) {
        if (failures.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("\nRuns that failed (left out of the medians):\n\n");
        for (String failure : failures) {
            text.append("- ").append(failure).append('\n');
        }
        return text.toString();
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,.0f", value);
    }

    /** A ratio to Netty epoll; "n/a" when Netty epoll was not in the run. */
    private static String ratio(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }

    /** Read before pinning, which would make this process see one CPU. */
    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " CPUs, " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " " + System.getProperty("os.arch") + ", Java "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
    }

    private static String html(String markdown) {
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
