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
        return new Builder().build();
    }

    /**
     * A builder that starts from this configuration, to change some of it.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Returns this configuration on another port.
     *
     * @param newPort the port
     * @return this configuration on another port
     */
    public ServerConfig withPort(int newPort) {
        return toBuilder().port(newPort).build();
    }

    /**
     * Returns this configuration with another backend.
     *
     * @param newBackend a backend name
     * @return this configuration with another backend
     */
    public ServerConfig withBackend(String newBackend) {
        return toBuilder().backend(newBackend).build();
    }

    /**
     * Returns this configuration with another thread count.
     *
     * @param newThreads event loops
     * @return this configuration with another thread count
     */
    public ServerConfig withThreads(int newThreads) {
        return toBuilder().threads(newThreads).build();
    }

    /**
     * Returns this configuration with other buffer limits.
     *
     * @param newMaxPending unsent bytes per connection before reading pauses
     * @param newBufferSize the read buffer's size
     * @return this configuration with other buffer limits
     */
    public ServerConfig withBuffers(int newMaxPending, int newBufferSize) {
        return toBuilder().maxPendingBytes(newMaxPending).bufferSize(newBufferSize).build();
    }

    /**
     * Returns this configuration with other limits.
     *
     * @param newMaxConnections the connection limit
     * @param newIdleTimeout    the idle timeout, or {@code null}
     * @return this configuration with other limits
     */
    public ServerConfig withLimits(int newMaxConnections, Duration newIdleTimeout) {
        return toBuilder().maxConnections(newMaxConnections).idleTimeout(newIdleTimeout).build();
    }

    /**
     * Returns this configuration with metrics on a port.
     *
     * @param newMetricsPort the metrics port, -1 for none
     * @return this configuration with metrics
     */
    public ServerConfig withMetricsPort(int newMetricsPort) {
        return toBuilder().metricsPort(newMetricsPort).build();
    }

    /**
     * Returns this configuration with another accept design.
     *
     * @param newAccept how loops share the port
     * @return this configuration with another accept design
     */
    public ServerConfig withAccept(Accept newAccept) {
        return toBuilder().accept(newAccept).build();
    }

    /**
     * The one place a configuration is assembled field by field: {@link #defaults()} starts from
     * the command line's defaults, {@link #toBuilder()} from an existing configuration, and each
     * setter changes one value, so a new option is one field here and one setter.
     */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 1234;
        private String backend = "auto";
        private Mode mode = Mode.PRODUCTION;
        private int threads = 1;
        private int backlog = 1024;
        private int maxConnections = 10_000;
        private Duration idleTimeout;
        private int maxPendingBytes = 1 << 20;
        private int bufferSize = 64 << 10;
        private int metricsPort = -1;
        private Accept accept = Accept.HANDOFF;

        /** A builder with the command line's defaults. */
        public Builder() {
        }

        private Builder(ServerConfig from) {
            host = from.host;
            port = from.port;
            backend = from.backend;
            mode = from.mode;
            threads = from.threads;
            backlog = from.backlog;
            maxConnections = from.maxConnections;
            idleTimeout = from.idleTimeout;
            maxPendingBytes = from.maxPendingBytes;
            bufferSize = from.bufferSize;
            metricsPort = from.metricsPort;
            accept = from.accept;
        }

        /**
         * @param value the address to listen on
         * @return this builder
         */
        public Builder host(String value) {
            host = value;
            return this;
        }

        /**
         * @param value the port; 0 picks a free one
         * @return this builder
         */
        public Builder port(int value) {
            port = value;
            return this;
        }

        /**
         * @param value a backend name, or {@code auto}
         * @return this builder
         */
        public Builder backend(String value) {
            backend = value;
            return this;
        }

        /**
         * @param value production or the documented example
         * @return this builder
         */
        public Builder mode(Mode value) {
            mode = value;
            return this;
        }

        /**
         * @param value event loops
         * @return this builder
         */
        public Builder threads(int value) {
            threads = value;
            return this;
        }

        /**
         * @param value the listen backlog
         * @return this builder
         */
        public Builder backlog(int value) {
            backlog = value;
            return this;
        }

        /**
         * @param value the connection limit
         * @return this builder
         */
        public Builder maxConnections(int value) {
            maxConnections = value;
            return this;
        }

        /**
         * @param value the idle timeout, or {@code null} for never
         * @return this builder
         */
        public Builder idleTimeout(Duration value) {
            idleTimeout = value;
            return this;
        }

        /**
         * @param value unsent bytes per connection before reading pauses
         * @return this builder
         */
        public Builder maxPendingBytes(int value) {
            maxPendingBytes = value;
            return this;
        }

        /**
         * @param value each event loop's read buffer size
         * @return this builder
         */
        public Builder bufferSize(int value) {
            bufferSize = value;
            return this;
        }

        /**
         * @param value the metrics port, -1 for none
         * @return this builder
         */
        public Builder metricsPort(int value) {
            metricsPort = value;
            return this;
        }

        /**
         * @param value how several loops share the port
         * @return this builder
         */
        public Builder accept(Accept value) {
            accept = value;
            return this;
        }

        /**
         * The configuration.
         *
         * @return it
         */
        public ServerConfig build() {
            return new ServerConfig(host, port, backend, mode, threads, backlog, maxConnections, idleTimeout,
                    maxPendingBytes, bufferSize, metricsPort, accept);
        }
    }
}
