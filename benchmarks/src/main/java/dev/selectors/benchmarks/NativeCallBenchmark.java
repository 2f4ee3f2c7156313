package dev.selectors.benchmarks;

import dev.selectors.posix.LibC;
import dev.selectors.posix.NativeMemory;
import dev.selectors.posix.jna.JnaLibC;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One native call through each binding of the {@link LibC} seam: {@code poll(fds, 0, 0)}, a real
 * system call that returns at once (the success path), and {@code close(-1)}, which fails with
 * EBADF (the errno path). The difference between the bindings is the binding's own cost.
 * The {@code ffm} binding needs Java 22+ and jars built with JDK 22+.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NativeCallBenchmark {

    /** jna or ffm. */
    @Param({"jna", "ffm"})
    public String binding;

    private LibC libc;
    private NativeMemory pollfd;

    @Setup(Level.Trial)
    public void setUp() throws ReflectiveOperationException {
        libc = binding.equals("jna") ? new JnaLibC()
                : (LibC) Class.forName("dev.selectors.posix.ffm.FfmLibC").getMethod("create").invoke(null);
        pollfd = libc.allocate(8);
    }

    @Benchmark
    public int pollNothing() {
        return libc.poll(pollfd.address(), 0, 0);
    }

    @Benchmark
    public int closeBadFd() {
        return libc.close(-1);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pollfd.close();
    }
}
