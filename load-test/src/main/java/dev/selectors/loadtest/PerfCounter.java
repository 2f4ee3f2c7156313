package dev.selectors.loadtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * User-space and kernel instructions retired by a process over a window, counted by
 * {@code perf stat -e instructions:u,instructions:k -p PID}. Many virtual machines expose no
 * hardware counters: {@link #unavailableReason()} says so, and reports show "n/a" instead.
 */
final class PerfCounter {

    private static final String REASON = probe();

    private final Process perf;

    private PerfCounter(Process perf) {
        this.perf = perf;
    }

    /** @return null when perf counts instructions here, else why not */
    static String unavailableReason() {
        return REASON;
    }

    private static String probe() {
        try {
            Process probe = new ProcessBuilder("perf", "stat", "-x,", "-e", "instructions:u", "true")
                    .redirectErrorStream(true).start();
            String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!probe.waitFor(10, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                return "perf did not answer";
            }
            if (output.contains("not supported") || output.contains("<not counted>") || probe.exitValue() != 0) {
                return "perf cannot count instructions on this machine (" + output.trim().lines().findFirst().orElse("") + ")";
            }
            return null;
        } catch (IOException e) {
            return "perf is not installed (apt-get install linux-perf)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Starts counting the process's instructions, or returns null when perf cannot. */
    static PerfCounter start(long pid) throws IOException {
        if (REASON != null) {
            return null;
        }
        Process perf = new ProcessBuilder("perf", "stat", "-x,", "-e", "instructions:u,instructions:k",
                "-p", String.valueOf(pid)).redirectErrorStream(true).start();
        return new PerfCounter(perf);
    }

    /** Stops counting: {user, kernel} instructions, or null when perf gave none. */
    long[] stop() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", String.valueOf(perf.pid())).start().waitFor();
        String output = new String(perf.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        perf.waitFor(10, TimeUnit.SECONDS);
        long user = -1;
        long kernel = -1;
        for (String line : output.split("\n")) {
            String[] fields = line.split(",");
            if (fields.length > 2 && fields[0].matches("\\d+")) {
                if (fields[2].startsWith("instructions:u")) {
                    user = Long.parseLong(fields[0]);
                } else if (fields[2].startsWith("instructions:k")) {
                    kernel = Long.parseLong(fields[0]);
                }
            }
        }
        return user < 0 || kernel < 0 ? null : new long[] {user, kernel};
    }
}
