package dev.selectors.loadtest.cli;

import dev.selectors.loadtest.generator.DurationText;
import dev.selectors.loadtest.generator.Generator;
import dev.selectors.loadtest.generator.Load;
import dev.selectors.loadtest.generator.RunControl;
import dev.selectors.loadtest.generator.RunResult;
import dev.selectors.loadtest.generator.Scenario;
import dev.selectors.loadtest.generator.SizeRange;
import dev.selectors.loadtest.generator.Target;
import dev.selectors.loadtest.measure.CallgrindCounter;
import dev.selectors.loadtest.report.LogMerge;
import dev.selectors.loadtest.report.RunLog;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code load-test}: drives any echo server with real traffic and checks every echoed byte.
 */
@Command(name = "load-test", mixinStandardHelpOptions = true, versionProvider = LoadTestCommand.VersionText.class,
        description = "Load-tests echo servers: every echoed byte is checked, latency is measured from each message's "
                + "intended send time (HdrHistogram), and our backends can be compared with Netty and the JDK.",
        subcommands = {LoadTestCommand.Run.class, LoadTestCommand.Merge.class, CompareCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:no error, every threshold met", "1:an echo was wrong, short, reset, refused or timed out, "
                        + "or a connection failed (see the report)",
                        "2:bad command line: an unknown or invalid option, an output file that cannot be written, "
                        + "a log merge refuses", "3:every echo was right, but a --threshold failed"})
public final class LoadTestCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    /**
     * Runs a subcommand.
     *
     * @param args the command line; {@code --help} explains it
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs a command line without exiting, for tests and embedding.
     *
     * @param args the command line
     * @param out  where the command's own output goes
     * @param err  where usage errors go
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine commandLine = new CommandLine(new LoadTestCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setParameterExceptionHandler((e, badArgs) -> {
            e.getCommandLine().getErr().println("load-test: " + e.getMessage() + " (see --help)");
            return 2;
        });
        commandLine.setExecutionExceptionHandler((e, command, parseResult) -> {
            command.getErr().println("load-test: " + e);
            return 1;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a subcommand: run, merge or compare");
    }

    static Duration duration(CommandSpec spec, String option, String text) {
        try {
            return DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }

    /** The options that describe a load, shared by run and compare. */
    static final class LoadOptions {
        @Option(names = "--connections", defaultValue = "1", description = "Connections to open (default: ${DEFAULT-VALUE}).")
        int connections;

        @Option(names = "--size", defaultValue = "64",
                description = "Message size in bytes (64, 1k, 4KiB, 1m) or a range drawn per message (64-4k) (default: ${DEFAULT-VALUE}).")
        String size;

        @Option(names = "--mode", defaultValue = "pingpong",
                description = "pingpong: each connection sends a message and waits for its whole echo; pipeline: keep --pipeline messages in flight (default: ${DEFAULT-VALUE}).")
        String mode;

        @Option(names = "--pipeline", defaultValue = "1",
                description = "Messages in flight per connection; more than 1 implies --mode pipeline (default: ${DEFAULT-VALUE}).")
        int pipeline;

        @Option(names = "--rate", defaultValue = "0",
                description = "Open loop: messages per second over all connections, latency counted from each message's intended send time (wrk2); 0 for closed loop (default: ${DEFAULT-VALUE}).")
        double rate;

        @Option(names = "--warmup", defaultValue = "1s", description = "Load before measuring: 3s, 500ms, 2m or seconds (default: ${DEFAULT-VALUE}).")
        String warmup;

        @Option(names = "--duration", defaultValue = "5s", description = "How long to measure (default: ${DEFAULT-VALUE}).")
        String duration;

        @Option(names = "--connect-rate", defaultValue = "0",
                description = "Connections opened per second; 0 opens all at once (default: ${DEFAULT-VALUE}).")
        double connectRate;

        @Option(names = "--threads", defaultValue = "1", description = "Generator event loops (default: ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--spin", defaultValue = "200us", paramLabel = "DURATION",
                description = "Open loop: poll instead of sleeping for this long before each send (0 to always "
                        + "sleep). A timed wait wakes tens of microseconds late (the kernel's 50 us timer slack, a CPU "
                        + "waking from idle), and a late send counts as latency; polling costs up to spin x rate of a "
                        + "core, all of it from about 5,000 msg/s per generator thread (default: ${DEFAULT-VALUE}).")
        String spin;

        @Option(names = "--backend", defaultValue = "auto",
                description = "The generator's selector backend: auto, epoll, poll, select... (default: ${DEFAULT-VALUE}).")
        String backend;

        Scenario scenario(CommandSpec spec, Target target) {
            if (threads < 1 || threads > 256) {
                throw new ParameterException(spec.commandLine(), "--threads must be 1-256, not " + threads);
            }
            if (rate < 0 || connectRate < 0) {
                throw new ParameterException(spec.commandLine(), "--rate and --connect-rate must not be negative");
            }
            String parsedMode = mode.trim().toLowerCase(Locale.ROOT);
            if (!parsedMode.equals("pingpong") && !parsedMode.equals("pipeline")) {
                throw new ParameterException(spec.commandLine(), "--mode must be pingpong or pipeline, not '" + mode + "'");
            }
            if (pipeline < 1) {
                throw new ParameterException(spec.commandLine(), "--pipeline must be at least 1, not " + pipeline);
            }
            SizeRange sizes;
            try {
                sizes = SizeRange.parse(size);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--size: " + e.getMessage());
            }
            Load load;
            try {
                load = rate > 0 ? new Load(Load.Mode.OPEN_LOOP, connections, sizes, 1, rate)
                        : parsedMode.equals("pingpong") && pipeline == 1 ? Load.pingPong(connections, sizes)
                        : new Load(Load.Mode.PIPELINE, connections, sizes, pipeline, 0);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--connections: " + e.getMessage());
            }
            Duration measure = duration(spec, "--duration", duration);
            if (measure.isZero()) {
                throw new ParameterException(spec.commandLine(), "--duration must be positive");
            }
            return new Scenario(target, load, duration(spec, "--warmup", warmup), measure, connectRate,
                    Math.min(threads, connections), backend.trim().toLowerCase(Locale.ROOT),
                    duration(spec, "--spin", spin));
        }
    }

    /** {@code load-test run}. */
    @Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Applies one load to an echo server, checks every echoed byte, and reports throughput, "
                    + "latency percentiles and errors by kind. Ctrl-C or SIGTERM ends the window early: the summary "
                    + "and every report asked for are still written (a second signal quits at once).",
            exitCodeListHeading = "%nExit status:%n",
            exitCodeList = {"0:every echo was right and every --threshold met", "1:an echo was wrong, short, reset, "
                            + "refused or timed out, or a connection failed (the report says which kind)",
                            "2:bad command line: an unknown or invalid option, or an output file that cannot be "
                            + "written (checked before any traffic)", "3:every echo was right, but a --threshold failed"})
    static final class Run implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--target", defaultValue = "127.0.0.1:1234", description = "The echo server, HOST:PORT or [IPv6]:PORT (default: ${DEFAULT-VALUE}).")
        private String target;

        @CommandLine.Mixin
        private LoadOptions load;

        @CommandLine.Mixin
        private ReportOptions reports;

        @Option(names = "--hlog", description = "Write an HdrHistogram log (one interval histogram per second) to this file; load-test merge combines several.")
        private Path hlog;

        @Option(names = "--quiet", description = "No live line each second.")
        private boolean quiet;

        @Option(names = "--callgrind-out", paramLabel = "PREFIX", description = "This generator runs under "
                + "'valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=PREFIX.%%p': count its own "
                + "user-space instructions over the measured window and report them per message (how to measure the "
                + "generator's cost where perf has no hardware counters; Valgrind slows it, so the throughput of such a "
                + "run ranks nothing). With valgrind's --separate-threads=yes the JIT compiler threads' share is "
                + "reported apart: compiling is warm-up, which Valgrind's slowness stretches far into the window.")
        private Path callgrindOut;

        @Option(names = "--callgrind-settle", paramLabel = "DURATION", defaultValue = "20s", description = "With "
                + "--callgrind-out: switch the instrumentation on this long before the window opens (at most the "
                + "warm-up), and zero the counters when it opens. Instrumented code runs several times slower, which "
                + "changes the generator's timing; the JIT then recompiles code it had compiled for the old timing, "
                + "and that recompiling must not be counted (default: ${DEFAULT-VALUE}).")
        private String callgrindSettle;

        @Override
        public Integer call() throws Exception {
            Target parsedTarget;
            try {
                parsedTarget = Target.parse(target);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--target: " + e.getMessage());
            }
            Scenario scenario = load.scenario(spec, parsedTarget);
            // Before any traffic: a run must not end in finding that its report cannot be written.
            reports.check(spec);
            OutputFiles.checkWritable(spec, "--hlog", hlog);
            if (callgrindOut != null) {
                try {
                    CallgrindCounter.checkUnderCallgrind(ProcessHandle.current().pid());
                } catch (IOException e) {
                    throw new ParameterException(spec.commandLine(), "--callgrind-out: " + e.getMessage());
                }
            }
            PrintStream out = System.out;
            out.println("load-test: " + scenario.describe() + " against " + scenario.target());
            OwnInstructions ownInstructions = new OwnInstructions(callgrindOut,
                    duration(spec, "--callgrind-settle", callgrindSettle), out);
            RunControl control = new RunControl();
            RunResult result;
            try (RunLog log = hlog == null ? null : RunLog.create(hlog);
                 StopSignals signals = StopSignals.install(control, System.err)) {
                if (log != null) {
                    log.header(scenario, System.currentTimeMillis());
                }
                result = Generator.run(scenario, quiet ? null : System.err, log, ownInstructions, control);
                result = reports.judge(result);
                if (log != null) {
                    log.end(result);
                }
            }
            return reports.write(result, out);
        }
    }

    /**
     * Counts this process's own instructions over the window when it runs under callgrind, and
     * prints them per message as soon as the window closes (Valgrind has been seen to abort on
     * JIT-compiled code later in a run; the figure is out by then).
     */
    private static final class OwnInstructions implements Generator.Window {
        private final Path prefix;
        private final Duration settle;
        private final PrintStream out;
        private CallgrindCounter counter;

        OwnInstructions(Path prefix, Duration settle, PrintStream out) {
            this.prefix = prefix;
            this.settle = settle;
            this.out = out;
        }

        @Override
        public Duration settle() {
            return prefix == null ? Duration.ZERO : settle;
        }

        @Override
        public void settling() {
            if (prefix != null) {
                callgrind(() -> CallgrindCounter.instrument(ProcessHandle.current().pid()));
            }
        }

        @Override
        public void opened() {
            if (prefix != null) {
                callgrind(() -> counter = CallgrindCounter.start(ProcessHandle.current().pid(), prefix));
            }
        }

        @Override
        public void closed(long messages) {
            if (counter != null) {
                callgrind(() -> report(counter.stopByThreads(), messages));
            }
        }

        private void report(CallgrindCounter.Count count, long messages) {
            double perMessage = 1.0 / Math.max(1, messages);
            out.printf(Locale.ROOT, "generator %,d user-space instructions in the window, %,d messages: "
                    + "%,.0f per message (callgrind)%n", count.total(), messages, count.total() * perMessage);
            if (count.compilerThreads() > 0) {
                out.printf(Locale.ROOT, "generator of which JIT compiler threads %,d: %,.0f per message "
                        + "without them%n", count.compilerThreads(), (count.total() - count.compilerThreads()) * perMessage);
            }
            out.flush();
        }

        /** One step of Valgrind's control, whose failure ends the run. */
        private interface CallgrindStep {
            void run() throws IOException, InterruptedException;
        }

        private static void callgrind(CallgrindStep step) {
            try {
                step.run();
            } catch (IOException e) {
                throw new IllegalStateException("--callgrind-out: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /** {@code load-test merge}. */
    @Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Merges the HdrHistogram logs of several generators (each written by 'load-test run --hlog', "
                    + "for example one per Kubernetes Job pod) into the report run writes: percentiles of one histogram "
                    + "of every sample, the generators' rates added up, errors summed. Refuses, with exit status 2, a "
                    + "file that is not a complete log written by run, and logs of different runs (unless --force).",
            exitCodeListHeading = "%nExit status:%n",
            exitCodeList = {"0:merged; no generator saw an error", "1:merged; some generator saw an error",
                            "2:bad command line, or a log refused (one line names the file and what is wrong)",
                            "3:merged; a --threshold failed"})
    static final class Merge implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "HLOG", description = "The logs to merge.")
        private List<Path> logs = new ArrayList<>();

        @CommandLine.Mixin
        private ReportOptions reports;

        @Option(names = "--force", description = "Merge logs whose load or target differ.")
        private boolean force;

        @Override
        public Integer call() throws Exception {
            reports.check(spec);
            List<LogMerge.Log> read = new ArrayList<>();
            try {
                for (Path log : logs) {
                    read.add(LogMerge.read(log));
                }
                if (!force) {
                    LogMerge.checkSameRun(read);
                }
            } catch (LogMerge.BadLogException e) {
                throw new ParameterException(spec.commandLine(), "merge: " + e.getMessage());
            }
            return reports.write(reports.judge(LogMerge.merge(read)), System.out);
        }
    }

    /** {@code --version}: the version and commit the build wrote into the jar, and the JVM. */
    static final class VersionText implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"load-test " + dev.selectors.Version.describe(), dev.selectors.Version.runtime()};
        }
    }
}
