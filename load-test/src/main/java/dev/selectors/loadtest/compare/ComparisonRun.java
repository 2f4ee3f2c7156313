package dev.selectors.loadtest.compare;

import dev.selectors.loadtest.generator.Generator;
import dev.selectors.loadtest.generator.RunControl;
import dev.selectors.loadtest.generator.RunResult;
import dev.selectors.loadtest.generator.Scenario;
import dev.selectors.loadtest.generator.Target;
import dev.selectors.loadtest.measure.CallgrindCounter;
import dev.selectors.loadtest.measure.PerfCounter;
import dev.selectors.loadtest.measure.ProcessCpu;
import dev.selectors.loadtest.measure.ServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of one scenario on one server for {@code compare}: starts the server as its own
 * process, applies the load, and reads over the measured window what the server (and the
 * generator) spent: CPU time from /proc, instructions from perf or callgrind, system calls, RSS.
 */
public final class ComparisonRun {

    /** One run of one scenario on one server. */
    public record Measurement(String server, String scenario, int repetition, double messagesPerSecond, double p99Micros,
                       long errors, double userMicrosPerMessage, double kernelMicrosPerMessage,
                       double userInstructionsPerMessage, double kernelInstructionsPerMessage,
                       double generatorMicrosPerMessage, double generatorInstructionsPerMessage,
                       double serverResidentMib, double serverSyscallsPerMessage, double generatorSyscallsPerMessage) {
    }

    private final Path out;
    private final int generatorThreads;
    private final Duration callgrindLead;

    /**
     * @param out              where server logs and callgrind dumps go
     * @param generatorThreads generator event loops
     * @param callgrindLead    with Valgrind: how long before the window to switch it on
     */
    public ComparisonRun(Path out, int generatorThreads, Duration callgrindLead) {
        this.out = out;
        this.generatorThreads = generatorThreads;
        this.callgrindLead = callgrindLead;
    }

    public Measurement measure(ServerCatalogue.Variant variant, Scenario template, int repetition, boolean pin,
                                InstructionCount counting) throws Exception {
        List<String> command = new ArrayList<>();
        if (pin) {
            command.addAll(List.of("taskset", "-c", "1"));
        }
        Path callgrindPrefix = out.resolve("callgrind").resolve(variant.name() + "-" + repetition + "-"
                + template.load().label().replace(' ', '-'));
        if (counting == InstructionCount.VALGRIND) {
            Files.createDirectories(callgrindPrefix.getParent());
            command.addAll(CallgrindCounter.wrap(variant.command(), callgrindPrefix));
        } else {
            command.addAll(variant.command());
        }
        Path log = out.resolve(variant.name() + ".log");
        try (ServerProcess server = ServerProcess.start(command, log)) {
            Scenario scenario = new Scenario(new Target("127.0.0.1", server.port), template.load(), template.warmup(),
                    template.duration(), 0, Math.min(generatorThreads, template.connections()), "auto", Scenario.DEFAULT_SPIN);
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
            return new Measurement(variant.name(), template.load().label(), repetition, result.messagesPerSecond(),
                    idle ? Double.NaN : result.latencyMicros().get("p99"), result.totalErrors(), used.userMicros() / messages,
                    used.kernelMicros() / messages, userInstructions, kernelInstructions,
                    (generatorUsed.userMicros() + generatorUsed.kernelMicros()) / messages, generatorInstructions,
                    residentKib[0] / 1024.0,
                    syscallCounts[0] == null ? Double.NaN : syscallCounts[0][0] / messages,
                    syscallCounts[1] == null ? Double.NaN : syscallCounts[1][0] / messages);
        }
    }
}
