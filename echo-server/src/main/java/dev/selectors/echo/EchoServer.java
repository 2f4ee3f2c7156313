package dev.selectors.echo;

import dev.selectors.Selector;
import dev.selectors.Selectors;
import dev.selectors.echo.LoopStats.Counter;
import dev.selectors.posix.AddressFamily;
import dev.selectors.posix.Socket;
import dev.selectors.posix.SocketOption;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * The production echo server: {@code --threads} event loops, each with its own selector, that
 * share the port in one of two ways ({@link ServerConfig.Accept}): a listening socket per loop
 * (SO_REUSEPORT lets the kernel spread connections among them), or one listening socket whose
 * loop hands connections to all in turn; optional metrics, and a clean stop.
 */
public final class EchoServer implements AutoCloseable {

    /**
     * Test only: with this system property {@code true}, the metrics port also takes
     * {@code POST /test/wedge?seconds=N}, which blocks event loop 0 as a stuck handler would
     * (docker/verify.sh shows the container's health check turn red with it). Never set in
     * production: the images do not.
     */
    static final String TEST_HOOKS_PROPERTY = "dev.selectors.echo.testHooks";

    /** How long {@code /health} waits for every event loop to turn before it answers 503. */
    static final Duration LIVENESS_BOUND = Duration.ofSeconds(1);

    private final List<EventLoop> loops = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger activeConnections = new AtomicInteger();
    private final String backendName;
    private final int port;
    private EchoMetrics metrics;
    private MetricsEndpoint metricsEndpoint;
    private volatile boolean stopping;
    private volatile boolean draining;

    private EchoServer(ServerConfig config, PrintStream log) throws IOException {
        List<Selector> selectors = new ArrayList<>();
        List<Socket> listeners = new ArrayList<>();
        try {
            int boundPort = config.port();
            int listening = config.accept() == ServerConfig.Accept.REUSEPORT ? config.threads() : 1;
            for (int i = 0; i < config.threads(); i++) {
                if (i < listening) {
                    Socket listener = listen(config, boundPort);
                    listeners.add(listener);
                    boundPort = ((InetSocketAddress) listener.getsockname()).getPort();
                }
                selectors.add(Selectors.open(config.backend()));
            }
            port = boundPort;
            backendName = selectors.get(0).backendName();
            if (config.metricsPort() >= 0) {
                metrics = new EchoMetrics(backendName);
            }
            for (int i = 0; i < config.threads(); i++) {
                loops.add(new EventLoop(config, selectors.get(i), i < listening ? listeners.get(i) : null,
                        activeConnections, metrics == null ? null : metrics.loopMeters(), log));
            }
            if (listening == 1 && loops.size() > 1) {
                loops.get(0).acceptFor(loops);
            }
            if (metrics != null) {
                metrics.bind(loops);
                metricsEndpoint = new MetricsEndpoint(config.host(), config.metricsPort(), metrics.handler(),
                        () -> alive(LIVENESS_BOUND), () -> !stopping && !draining,
                        Boolean.getBoolean(TEST_HOOKS_PROPERTY) ? wedge -> wedgeLoopForTest(0, wedge) : null);
            }
        } catch (IOException | RuntimeException e) {
            for (Selector selector : selectors) {
                selector.close();
            }
            for (Socket listener : listeners) {
                listener.close();
            }
            if (metrics != null) {
                metrics.close();
            }
            throw e;
        }
    }

    private static Socket listen(ServerConfig config, int port) throws IOException {
        Socket listener = new Socket(config.host().contains(":") ? AddressFamily.INET6 : AddressFamily.INET);
        try {
            listener.setsockopt(SocketOption.SO_REUSEADDR, 1);
            if (config.threads() > 1 && config.accept() == ServerConfig.Accept.REUSEPORT) {
                listener.setsockopt(SocketOption.SO_REUSEPORT, 1);
            }
            listener.bind(config.host(), port);
            listener.listen(config.backlog());
            listener.setBlocking(false);
            return listener;
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
    }

    /**
     * Binds, opens the selectors and starts the event loops.
     *
     * @param config what to serve
     * @param log    where loop failures are reported
     * @return the running server
     * @throws IOException binding failed (EADDRINUSE...) or a selector could not be opened
     */
    public static EchoServer start(ServerConfig config, PrintStream log) throws IOException {
        EchoServer server = new EchoServer(config, log);
        for (int i = 0; i < server.loops.size(); i++) {
            Thread thread = new Thread(server.loops.get(i), "echo-loop-" + i);
            server.threads.add(thread);
            thread.start();
        }
        return server;
    }

    /**
     * @return the port the server listens on (the chosen one when 0 was asked)
     */
    public int port() {
        return port;
    }

    /**
     * @return the selector backend the loops use
     */
    public String backendName() {
        return backendName;
    }

    /**
     * @return the metrics endpoint's port, or -1 without metrics
     */
    public int metricsPort() {
        return metricsEndpoint == null ? -1 : metricsEndpoint.port();
    }

    /**
     * @return connections open now
     */
    public int activeConnections() {
        return activeConnections.get();
    }

    /**
     * @return bytes received and not yet echoed, over every loop
     */
    public long pendingBytes() {
        return loops.stream().mapToLong(loop -> loop.stats.get(Counter.PENDING_BYTES)).sum();
    }

    /**
     * @return connections refused over {@code --max-connections}
     */
    public long refusedConnections() {
        return loops.stream().mapToLong(loop -> loop.stats.get(Counter.REFUSED)).sum();
    }

    /**
     * @return connections each event loop has taken on so far, in loop order
     */
    public List<Long> acceptedPerLoop() {
        return loops.stream().map(loop -> loop.stats.get(Counter.ACCEPTED)).collect(Collectors.toList());
    }

    /**
     * @return connections closed by the idle timeout
     */
    public long idleClosedConnections() {
        return loops.stream().mapToLong(loop -> loop.stats.get(Counter.IDLE_CLOSED)).sum();
    }

    /**
     * Drains, from any thread (SIGTERM): every loop stops accepting at once, echoes nothing new,
     * finishes sending what it had received, shuts each connection's write side so that clients
     * read an orderly end (EOF, not a reset), and ends when its last connection closed or at
     * {@code timeout}, closing what remains. Readiness ({@code /ready}) fails from now on.
     *
     * @param timeout how long the drain may take at most
     */
    public void drain(Duration timeout) {
        draining = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        for (EventLoop loop : loops) {
            loop.drain(deadline);
        }
    }

    /**
     * Liveness: whether every event loop completes a turn within {@code bound} (each is woken to
     * show it). A loop stuck in a handler, or dead, makes this false; a loop idle in select is
     * alive.
     *
     * @param bound how long to wait for the loops
     * @return true when every loop answered in time
     */
    public boolean alive(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        long[] pings = new long[loops.size()];
        for (int i = 0; i < pings.length; i++) {
            pings[i] = loops.get(i).ping();
        }
        for (int i = 0; i < pings.length; i++) {
            while (!loops.get(i).answered(pings[i])) {
                if (!threads.get(i).isAlive() || System.nanoTime() - deadline >= 0) {
                    return false;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
        return true;
    }

    /**
     * @return whether {@link #drain} or {@link #stop} was called
     */
    public boolean stopping() {
        return stopping || draining;
    }

    /** Test only: event loop {@code index} blocks for {@code duration} at its next turn. */
    void wedgeLoopForTest(int index, Duration duration) {
        loops.get(index).wedgeForTest(duration);
    }

    /** Stops accepting and makes every loop close its connections and end; from any thread. */
    public void stop() {
        stopping = true;
        for (EventLoop loop : loops) {
            loop.stop();
        }
    }

    /**
     * Waits for every loop to end.
     *
     * @param timeout how long to wait at most
     * @return true when all ended
     * @throws InterruptedException the wait was interrupted
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : threads) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.timedJoin(thread, left);
            }
            if (thread.isAlive()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Waits until every loop has ended, however long.
     *
     * @throws InterruptedException interrupted
     */
    public void awaitTermination() throws InterruptedException {
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** Stops, waits up to 2 seconds for the loops, and closes the metrics endpoint. */
    @Override
    public void close() {
        stop();
        try {
            awaitTermination(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (metricsEndpoint != null) {
                metricsEndpoint.close();
            }
            if (metrics != null) {
                metrics.close();
            }
        }
    }
}
