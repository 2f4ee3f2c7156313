package dev.selectors.loadtest.measure;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * How long this JVM's JIT compilers have compiled so far. Compiling during a measured window
 * means the generator's code is still changing: its figures (above all its instructions per
 * message) are not yet those of the steady state.
 */
public final class JitTime {

    private static final CompilationMXBean COMPILATION = ManagementFactory.getCompilationMXBean();

    private JitTime() {
    }

    /**
     * @return milliseconds spent compiling since the JVM started, or -1 where the JVM does not say
     */
    public static long millis() {
        return COMPILATION != null && COMPILATION.isCompilationTimeMonitoringSupported()
                ? COMPILATION.getTotalCompilationTime() : -1;
    }
}
