package dev.selectors.loadtest.measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Events a process causes over a window, counted by {@code perf stat -x, -e EVENTS -p PID}:
 * user-space and kernel instructions ({@link #INSTRUCTIONS}, which need hardware counters that
 * many virtual machines do not expose) and system calls ({@link #SYSCALLS}, a kernel tracepoint
 * that needs none). {@link #unavailableReason} says when a set cannot be counted here, and
 * reports show "n/a" instead.
 */
public final class PerfCounter {

    /** User-space then kernel instructions retired. */
    public static final List<String> INSTRUCTIONS = List.of("instructions:u", "instructions:k");
    /** System calls entered, of any kind. */
    public static final List<String> SYSCALLS = List.of("raw_syscalls:sys_enter");

    private static final String INSTRUCTIONS_REASON = probe(INSTRUCTIONS);
    private static final String SYSCALLS_REASON = probe(SYSCALLS);

    private final Process perf;
    private final List<String> events;

    private PerfCounter(Process perf, List<String> events) {
        this.perf = perf;
        this.events = events;
    }

    /**
     * @param events {@link #INSTRUCTIONS} or {@link #SYSCALLS}
     * @return null when perf counts these events here, else why not
     */
    public static String unavailableReason(List<String> events) {
        return events == INSTRUCTIONS ? INSTRUCTIONS_REASON : SYSCALLS_REASON;
    }

    private static String probe(List<String> events) {
        try {
            Process probe = new ProcessBuilder("perf", "stat", "-x,", "-e", String.join(",", events), "true")
                    .redirectErrorStream(true).start();
            String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!probe.waitFor(10, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                return "perf did not answer";
            }
            if (output.contains("not supported") || output.contains("<not counted>") || probe.exitValue() != 0) {
                return "perf cannot count " + String.join(",", events) + " on this machine ("
                        + output.trim().lines().findFirst().orElse("") + ")";
            }
            return null;
        } catch (IOException e) {
            return "perf is not installed (apt-get install linux-perf)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * Starts counting a process's events.
     *
     * @param pid    the process, all its threads
     * @param events {@link #INSTRUCTIONS} or {@link #SYSCALLS}
     * @return the running count, or null when perf cannot count these events here
     */
    public static PerfCounter start(long pid, List<String> events) throws IOException {
        if (unavailableReason(events) != null) {
            return null;
        }
        Process perf = new ProcessBuilder("perf", "stat", "-x,", "-e", String.join(",", events),
                "-p", String.valueOf(pid)).redirectErrorStream(true).start();
        return new PerfCounter(perf, events);
    }

    /** Stops counting: one count per event, in the order asked for, or null when perf gave none. */
    public long[] stop() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", String.valueOf(perf.pid())).start().waitFor();
        String output = new String(perf.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        perf.waitFor(10, TimeUnit.SECONDS);
        List<Long> counts = new ArrayList<>();
        for (String event : events) {
            long count = -1;
            for (String line : output.split("\n")) {
                String[] fields = line.split(",");
                if (fields.length > 2 && fields[0].matches("\\d+") && fields[2].startsWith(event)) {
                    count = Long.parseLong(fields[0]);
                }
            }
            if (count < 0) {
                return null;
            }
            counts.add(count);
        }
        return counts.stream().mapToLong(Long::longValue).toArray();
    }
}
