package dev.selectors.loadtest.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's CPU time so far, from {@code /proc/PID/stat} (Linux): user and kernel time in
 * clock ticks, fields 14 and 15, read after the command name (which may hold spaces).
 *
 * @param userTicks   time in user space
 * @param kernelTicks time in the kernel
 */
public record ProcessCpu(long userTicks, long kernelTicks) {

    /** Clock ticks per second: USER_HZ, 100 on every Linux architecture the JVM runs on. */
    static final long TICKS_PER_SECOND = 100;

    static boolean supported() {
        return Files.isReadable(Path.of("/proc/self/stat"));
    }

    public static ProcessCpu of(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is field 3 (state): utime is field 14, stime field 15.
        return new ProcessCpu(Long.parseLong(fields[11]), Long.parseLong(fields[12]));
    }

    /** Resident memory in KiB, from the VmRSS line of {@code /proc/PID/status}. */
    public static long residentKib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    public ProcessCpu minus(ProcessCpu earlier) {
        return new ProcessCpu(userTicks - earlier.userTicks, kernelTicks - earlier.kernelTicks);
    }

    public double userMicros() {
        return userTicks * 1e6 / TICKS_PER_SECOND;
    }

    public double kernelMicros() {
        return kernelTicks * 1e6 / TICKS_PER_SECOND;
    }
}
