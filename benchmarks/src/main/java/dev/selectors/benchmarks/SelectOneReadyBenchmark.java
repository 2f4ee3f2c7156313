package dev.selectors.benchmarks;

import dev.selectors.ReadyHandler;
import dev.selectors.Selector;
import dev.selectors.Selectors;
import dev.selectors.posix.Socket;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * One ready fd among {@code n} registered: the cost of a non-blocking select that finds it,
 * for each backend and for the JDK's {@link java.nio.channels.Selector} on the same kind of
 * sockets (TCP loopback pairs, both ends registered for reading, one byte waiting on one).
 * Both sides use their allocation-free form: {@code select(Duration, ReadyHandler)} and
 * {@code selectNow(Consumer)}.
 *
 * <p>select(2) cannot watch fds at or above FD_SETSIZE: run it with {@code -p n=10} only.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SelectOneReadyBenchmark {

    /** epoll, poll, select, or jdk for java.nio.channels.Selector. */
    @Param({"epoll", "poll", "jdk"})
    public String backend;

    /** Registered fds. */
    @Param({"10", "1000", "10000"})
    public int n;

    private Selector selector;
    private List<Socket> sockets;
    private java.nio.channels.Selector jdkSelector;
    private List<SocketChannel> channels;
    private Blackhole blackhole;
    private ReadyHandler handler;
    private Consumer<SelectionKey> jdkHandler;

    @Setup(Level.Trial)
    public void setUp(Blackhole bh) throws IOException {
        blackhole = bh;
        handler = (key, events) -> blackhole.consume(key);
        jdkHandler = key -> blackhole.consume(key);
        if (backend.equals("jdk")) {
            channels = LoopbackPairs.jdk(n / 2);
            jdkSelector = java.nio.channels.Selector.open();
            for (SocketChannel channel : channels) {
                channel.register(jdkSelector, SelectionKey.OP_READ);
            }
            channels.get(0).write(ByteBuffer.wrap(new byte[] {1}));
            while (jdkSelector.selectNow(jdkHandler) != 1) {
                Thread.onSpinWait();
            }
        } else {
            sockets = LoopbackPairs.ours(n / 2);
            selector = Selectors.open(backend);
            for (Socket socket : sockets) {
                selector.register(socket, Selector.EVENT_READ);
            }
            sockets.get(0).send(new byte[] {1});
            while (selector.select(Duration.ZERO, handler) != 1) {
                Thread.onSpinWait();
            }
        }
    }

    @Benchmark
    public int selectNow() throws IOException {
        if (jdkSelector != null) {
            return jdkSelector.selectNow(jdkHandler);
        }
        return selector.select(Duration.ZERO, handler);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (jdkSelector != null) {
            jdkSelector.close();
            for (SocketChannel channel : channels) {
                channel.close();
            }
        } else {
            selector.close();
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
