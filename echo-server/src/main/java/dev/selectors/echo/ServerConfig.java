package dev.selectors.echo;

import java.time.Duration;

/**
 * What the echo server was asked to do, validated by the command line.
 *
 * @param host            the address to listen on
 * @param port            the port; 0 picks a free one
 * @param backend         a backend name, or {@code auto}
 * @param mode            production or the documented example
 * @param threads         event loops, each with its own selector (production mode)
 * @param backlog         the listen backlog
 * @param maxConnections  connections above this are accepted and closed at once (refused)
 * @param idleTimeout     connections silent for longer are closed; {@code null} for never
 * @param maxPendingBytes unsent bytes per connection above which reading from it pauses
 * @param bufferSize      the size of each event loop's read buffer
 * @param metricsPort     the port of the Prometheus endpoint; -1 for none
 * @param accept          how several loops share the port
 */
public record ServerConfig(
        String host,
        int port,
        String backend,
        Mode mode,
        int threads,
        int backlog,
        int maxConnections,
        Duration idleTimeout,
        int maxPendingBytes,
        int bufferSize,
        int metricsPort,
        Accept accept) {

    /** The two servers the command can run. */
    public enum Mode {
        /** Never loses a byte; backpressure, limits, metrics, several loops. */
        PRODUCTION,
        /** Python's documented example, line for line. */
        EXAMPLE
    }

    /** How several event loops share one port. */
    public enum Accept {
        /**
         * Every loop has its own listening socket on the port (SO_REUSEPORT), and the kernel
         * spreads connections by a hash of their addresses: no thread talks to another.
         */
        REUSEPORT,
        /**
         * One listening socket, accepted from by the first loop, which hands connections to
         * the loops in turn (the boss/worker design of Netty and of the JDK's own servers).
         */
        HANDOFF
    }

    /**
     * A configuration with the defaults of the command line.
     *
     * @return production mode on 127.0.0.1:1234
     */
    public static ServerConfig defaults() {
        return new ServerConfig("127.0.0.1", 1234, "auto", Mode.PRODUCTION, 1, 1024, 10_000, null,
                1 << 20, 64 << 10, -1, Accept.HANDOFF);
    }

    /**
     * @param newPort the port
     * @return this configuration on another port
     */
    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, backend, mode, threads, backlog, maxConnections, idleTimeout,
                maxPendingBytes, bufferSize, metricsPort, accept);
    }

    /**
     * @param newBackend a backend name
     * @return this configuration with another backend
     */
    public ServerConfig withBackend(String newBackend) {
        return new ServerConfig(host, port, newBackend, mode, threads, backlog, maxConnections, idleTimeout,
                maxPendingBytes, bufferSize, metricsPort, accept);
    }

    /**
     * @param newThreads event loops
     * @return this configuration with another thread count
     */
    public ServerConfig withThreads(int newThreads) {
        return new ServerConfig(host, port, backend, mode, newThreads, backlog, maxConnections, idleTimeout,
                maxPendingBytes, bufferSize, metricsPort, accept);
    }

    /**
     * @param newMaxPending unsent bytes per connection before reading pauses
     * @param newBufferSize the read buffer's size
     * @return this configuration with other buffer limits
     */
    public ServerConfig withBuffers(int newMaxPending, int newBufferSize) {
        return new ServerConfig(host, port, backend, mode, threads, backlog, maxConnections, idleTimeout,
                newMaxPending, newBufferSize, metricsPort, accept);
    }

    /**
     * @param newMaxConnections the connection limit
     * @param newIdleTimeout    the idle timeout, or {@code null}
     * @return this configuration with other limits
     */
    public ServerConfig withLimits(int newMaxConnections, Duration newIdleTimeout) {
        return new ServerConfig(host, port, backend, mode, threads, backlog, newMaxConnections, newIdleTimeout,
                maxPendingBytes, bufferSize, metricsPort, accept);
    }

    /**
     * @param newMetricsPort the metrics port, -1 for none
     * @return this configuration with metrics
     */
    public ServerConfig withMetricsPort(int newMetricsPort) {
        return new ServerConfig(host, port, backend, mode, threads, backlog, maxConnections, idleTimeout,
                maxPendingBytes, bufferSize, newMetricsPort, accept);
    }

    /**
     * @param newAccept how loops share the port
     * @return this configuration with another accept design
     */
    public ServerConfig withAccept(Accept newAccept) {
        return new ServerConfig(host, port, backend, mode, threads, backlog, maxConnections, idleTimeout,
                maxPendingBytes, bufferSize, metricsPort, newAccept);
    }
}
