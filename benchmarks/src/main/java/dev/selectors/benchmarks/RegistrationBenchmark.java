package dev.selectors.benchmarks;

import dev.selectors.Selector;
import dev.selectors.Selectors;
import dev.selectors.posix.Socket;
import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.List;
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
 * register + modify + unregister of one socket, for each backend and for the JDK selector.
 * Our epoll makes one epoll_ctl per call. The JDK defers its epoll_ctl calls to the next select,
 * where a key cancelled before that select costs no system call at all, so it is measured two
 * ways: {@code jdk} (register, interestOps, cancel, then the one selectNow it needs before the
 * channel can be registered again: no epoll_ctl happens) and {@code jdk-applied} (a selectNow
 * after each change, so the kernel sees the ADD, the MOD and the DEL, as with our epoll).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RegistrationBenchmark {

    /** epoll, poll, select; jdk or jdk-applied for java.nio.channels.Selector. */
    @Param({"epoll", "poll", "select", "jdk", "jdk-applied"})
    public String backend;

    private Selector selector;
    private List<Socket> sockets;
    private java.nio.channels.Selector jdkSelector;
    private List<SocketChannel> channels;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        if (backend.startsWith("jdk")) {
            channels = LoopbackPairs.jdk(1);
            jdkSelector = java.nio.channels.Selector.open();
        } else {
            sockets = LoopbackPairs.ours(1);
            selector = Selectors.open(backend);
        }
    }

    @Benchmark
    public Object registerModifyUnregister() throws IOException {
        if (jdkSelector != null) {
            boolean applied = backend.equals("jdk-applied");
            SelectionKey key = channels.get(0).register(jdkSelector, SelectionKey.OP_READ);
            if (applied) {
                jdkSelector.selectNow();
            }
            key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            if (applied) {
                jdkSelector.selectNow();
            }
            key.cancel();
            jdkSelector.selectNow();
            return key;
        }
        Socket socket = sockets.get(0);
        selector.register(socket, Selector.EVENT_READ);
        selector.modify(socket, Selector.EVENT_READ | Selector.EVENT_WRITE);
        return selector.unregister(socket);
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
