package dev.selectors.echo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * {@code GET /metrics} (the Prometheus client's handler: text or OpenMetrics as asked, gzip), {@code GET /health} (liveness: every event loop turns
 * within a bound) and {@code GET /ready} (readiness: not draining) over the JDK's HTTP server, on
 * one daemon thread so that it never holds the JVM up. Paths are exact: anything else is 404.
 */
final class MetricsEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;

    /**
     * @param wedge test only, {@code null} in production: {@code POST /test/wedge?seconds=N} blocks
     *              event loop 0 for N seconds, so that a container test can see {@code /health}
     *              turn 503 (enabled by {@value EchoServer#TEST_HOOKS_PROPERTY})
     */
    MetricsEndpoint(String host, int port, HttpHandler metrics, BooleanSupplier alive, BooleanSupplier ready,
                    Consumer<Duration> wedge) throws IOException {
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 16);
        } catch (IOException e) {
            throw new PortException(port, e);
        }
        executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "echo-metrics");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/metrics")) {
                metrics.handle(exchange);
            } else if (path.equals("/health")) {
                boolean up = alive.getAsBoolean();
                respond(exchange, up ? 200 : 503, "text/plain; charset=utf-8", up ? "ok\n" : "an event loop is stuck\n");
            } else if (path.equals("/ready")) {
                boolean up = ready.getAsBoolean();
                respond(exchange, up ? 200 : 503, "text/plain; charset=utf-8", up ? "ok\n" : "draining\n");
            } else if (wedge != null && path.equals("/test/wedge") && exchange.getRequestMethod().equals("POST")) {
                String query = String.valueOf(exchange.getRequestURI().getQuery());
                long seconds = query.matches("seconds=\\d{1,3}") ? Long.parseLong(query.substring(8)) : 5;
                wedge.accept(Duration.ofSeconds(seconds));
                exchange.sendResponseHeaders(202, -1);
                exchange.close();
            } else {
                respond(exchange, 404, "text/plain; charset=utf-8", "not found: /metrics, /health or /ready\n");
            }
        });
        server.start();
    }

    /** The metrics port could not be bound (in use, not allowed): reported as the metrics port. */
    static final class PortException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int port;

        PortException(int port, IOException cause) {
            super(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
            this.port = port;
        }

        int port() {
            return port;
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(405, -1);
            exchange.close();
            return;
        }
        if (exchange.getRequestMethod().equals("HEAD")) {
            // The status and headers only: a body here makes the JDK's server log a warning.
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
