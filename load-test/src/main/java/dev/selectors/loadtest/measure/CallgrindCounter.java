package dev.selectors.loadtest.measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * User-space instructions of a process that runs under Valgrind's callgrind tool, counted over a
 * window: the process starts with instrumentation off ({@code --instr-atstart=no}),
 * {@code callgrind_control} switches it on a while before the window opens (see
 * {@link #instrument}), zeroes the counters when it opens and dumps the count when it closes.
 * It is how instructions get counted where perf has no hardware counters (virtual
 * machines). Valgrind runs only user space, so there is no kernel count; and it runs that user
 * space several times slower, so the throughput of a run it counts ranks nothing.
 */
public final class CallgrindCounter {

    private static final Pattern TOTAL = Pattern.compile("(?m)^(?:summary|totals):\\s+(\\d+)");
    // A thread whose dump names the entry point of HotSpot's compiler threads ran a JIT compiler
    // (C2 or C1); Java threads only queue compilations (CompileBroker::compile_method).
    private static final Pattern COMPILER =
            Pattern.compile("CompileBroker::invoke_compiler_on_method|CompileBroker::compiler_thread_loop");
    private static final Pattern DUMP_SUFFIX = Pattern.compile("(\\d+)(?:-\\d+)?");
    private static final String REASON = probe();

    private final long pid;
    private final Path outputPrefix;

    private CallgrindCounter(long pid, Path outputPrefix) {
        this.pid = pid;
        this.outputPrefix = outputPrefix;
    }

    /**
     * @return null when valgrind and callgrind_control are installed, else what is missing
     */
    public static String unavailableReason() {
        return REASON;
    }

    private static String probe() {
        for (String tool : List.of("valgrind", "callgrind_control")) {
            try {
                Process probe = new ProcessBuilder(tool, "--version").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!probe.waitFor(10, TimeUnit.SECONDS)) {
                    probe.destroyForcibly();
                    return tool + " did not answer";
                }
            } catch (IOException e) {
                return tool + " is not installed (apt-get install valgrind)";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
        return null;
    }

    /**
     * The command run under callgrind with instrumentation off until a window opens.
     *
     * @param command      the program and its arguments
     * @param outputPrefix where callgrind writes its dumps ({@code PREFIX.PID.N})
     * @return the wrapped command
     */
    public static List<String> wrap(List<String> command, Path outputPrefix) {
        List<String> wrapped = new ArrayList<>(List.of("valgrind", "--tool=callgrind", "--instr-atstart=no",
                // JIT compilers write code and run it: Valgrind must notice code that changes.
                "--smc-check=all-non-file", "--callgrind-out-file=" + outputPrefix + ".%p"));
        wrapped.addAll(command);
        return wrapped;
    }

    /**
     * Checks, before any load, that a process runs under callgrind (switching its instrumentation
     * off, as it is until a window opens).
     *
     * @param pid the process
     * @throws IOException it does not, or callgrind_control failed; the message says which
     */
    public static void checkUnderCallgrind(long pid) throws IOException, InterruptedException {
        if (REASON != null) {
            throw new IOException(REASON);
        }
        control(pid, "--instr=off");
    }

    /**
     * Switches the instrumentation of a process started by {@link #wrap} on, ahead of the
     * window. Instrumented code runs several times slower than uninstrumented code under
     * Valgrind, so the switch changes the process's timing (more ready keys per select, other
     * branches taken), and the JIT deoptimizes and recompiles what it had compiled for the old
     * timing. Under Valgrind that recompiling takes seconds; done ahead, it is not counted.
     *
     * @param pid the process (valgrind keeps the pid of the command it runs)
     * @throws IOException callgrind_control failed: the process is not under callgrind
     */
    public static void instrument(long pid) throws IOException, InterruptedException {
        control(pid, "--instr=on");
    }

    /**
     * Opens the window: switches the instrumentation on (if {@link #instrument} did not) and
     * zeroes the counters.
     *
     * @param pid          the process (valgrind keeps the pid of the command it runs)
     * @param outputPrefix the prefix given to {@link #wrap}
     * @return the running count
     * @throws IOException callgrind_control failed: the process is not under callgrind
     */
    public static CallgrindCounter start(long pid, Path outputPrefix) throws IOException, InterruptedException {
        control(pid, "--instr=on");
        control(pid, "--zero");
        return new CallgrindCounter(pid, outputPrefix);
    }

    /**
     * Dumps the count since {@link #start}, and switches the instrumentation off.
     *
     * @return the user-space instructions the process executed in the window, all threads
     * @throws IOException the dump did not appear or could not be read
     */
    public long stop() throws IOException, InterruptedException {
        return stopByThreads().total();
    }

    /**
     * As {@link #stop()}, telling apart the share of the JVM's JIT compiler threads when the
     * process runs with {@code --separate-threads=yes}.
     *
     * @return the window's count
     * @throws IOException the dump did not appear or could not be read
     */
    public Count stopByThreads() throws IOException, InterruptedException {
        control(pid, "--dump=window");
        control(pid, "--instr=off");
        return latestDumpCount(outputPrefix, pid);
    }

    /**
     * Instructions counted in a window.
     *
     * @param total           all threads
     * @param compilerThreads the threads that ran HotSpot's JIT compilers (known only when
     *                        callgrind wrote one file per thread; 0 otherwise): compiling is
     *                        warm-up, not work per message
     */
    public record Count(long total, long compilerThreads) {
    }

    /**
     * The instructions in the highest-numbered dump of a process, summed over its threads'
     * files when callgrind ran with {@code --separate-threads=yes}.
     */
    static Count latestDumpCount(Path outputPrefix, long pid) throws IOException, InterruptedException {
        long sum = 0;
        long compiling = 0;
        List<Path> dumps = latestDump(outputPrefix, pid);
        for (Path dump : dumps) {
            String text = Files.readString(dump, StandardCharsets.UTF_8);
            Matcher total = TOTAL.matcher(text);
            if (!total.find()) {
                throw new IOException("no instruction total in " + dump);
            }
            long count = Long.parseLong(total.group(1));
            sum += count;
            if (dumps.size() > 1 && COMPILER.matcher(text).find()) {
                compiling += count;
            }
        }
        return new Count(sum, compiling);
    }

    /**
     * Dumps are numbered PREFIX.PID.1, .2, ...: the highest is the window's. With
     * {@code --separate-threads=yes} each dump is one file per thread (PREFIX.PID.N-TT).
     */
    private static List<Path> latestDump(Path outputPrefix, long pid) throws IOException, InterruptedException {
        Path dir = outputPrefix.toAbsolutePath().getParent();
        String stem = outputPrefix.getFileName() + "." + pid + ".";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            Map<Integer, List<Path>> dumps;
            try (Stream<Path> files = Files.list(dir)) {
                dumps = files.filter(f -> dumpNumber(f, stem) > 0)
                        .collect(Collectors.groupingBy(f -> dumpNumber(f, stem)));
            }
            if (!dumps.isEmpty()) {
                List<Path> latest = dumps.get(Collections.max(dumps.keySet()));
                if (latest.stream().allMatch(CallgrindCounter::written)) {
                    return latest;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("callgrind wrote no dump " + stem + "N in " + dir);
            }
            Thread.sleep(50);
        }
    }

    /**
     * @return N for PREFIX.PID.N or PREFIX.PID.N-TT, else 0
     */
    private static int dumpNumber(Path file, String stem) {
        String name = file.getFileName().toString();
        if (!name.startsWith(stem)) {
            return 0;
        }
        Matcher suffix = DUMP_SUFFIX.matcher(name.substring(stem.length()));
        return suffix.matches() ? Integer.parseInt(suffix.group(1)) : 0;
    }

    private static boolean written(Path file) {
        try {
            return Files.size(file) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void control(long pid, String action) throws IOException, InterruptedException {
        Process control = new ProcessBuilder("callgrind_control", action, String.valueOf(pid))
                .redirectErrorStream(true).start();
        String output = new String(control.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!control.waitFor(30, TimeUnit.SECONDS)) {
            control.destroyForcibly();
            throw new IOException("callgrind_control " + action + " " + pid + " did not answer");
        }
        if (control.exitValue() != 0 || !output.contains("OK")) {
            throw new IOException("callgrind_control " + action + " " + pid + " failed (is it running under "
                    + "valgrind --tool=callgrind?): " + output.trim());
        }
    }
}
