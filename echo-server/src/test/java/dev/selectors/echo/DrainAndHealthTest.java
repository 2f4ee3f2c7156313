package dev.selectors.echo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Stopping as Kubernetes and Docker stop a container: SIGTERM drains (no reset, every echoed byte
 * right, exit within the drain timeout), readiness fails while draining, and liveness fails only
 * when an event loop is stuck. Loopback only.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DrainAndHealthTest {

    private static int status(int port, String method, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** What one ping-pong client saw. */
    private static final class Client implements Runnable {
        private final int port;
        private final int size;
        final AtomicLong echoes = new AtomicLong();
        volatile Throwable failure;
        volatile boolean orderlyEnd;

        Client(int port, int size) {
            this.port = port;
            this.size = size;
        }

        @Override
        public void run() {
            Random random = new Random(port + size);
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                byte[] message = new byte[size];
                while (true) {
                    random.nextBytes(message);
                    // The server closes only after our FIN (or at the drain timeout), so a write
                    // never fails here; a reset would, and is a failure.
                    out.write(message);
                    byte[] echo = in.readNBytes(size);
                    if (echo.length < size) {
                        // EOF: the server drained. Whatever came back must still be our bytes.
                        for (int i = 0; i < echo.length; i++) {
                            if (echo[i] != message[i]) {
                                throw new AssertionError("byte " + i + " of a partial echo differs");
                            }
                        }
                        orderlyEnd = true;
                        return;
                    }
                    assertArrayEquals(message, echo, "echo " + echoes.get());
                    echoes.incrementAndGet();
                }
            } catch (Throwable t) {
                failure = t;
            }
        }
    }

    @Test
    void drainingUnderPingPongLoadEndsEveryConnectionInOrder() throws Exception {
        for (ServerConfig config : new ServerConfig[] {ServerConfig.defaults().withPort(0),
                                                       ServerConfig.defaults().withPort(0).withThreads(2)}) {
            EchoServer server = EchoServer.start(config.withMetricsPort(0), System.err);
            try {
                List<Client> clients = new ArrayList<>();
                List<Thread> threads = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    Client client = new Client(server.port(), 64 + 300 * i);
                    clients.add(client);
                    Thread thread = new Thread(client, "client-" + i);
                    threads.add(thread);
                    thread.start();
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (clients.stream().mapToLong(c -> c.echoes.get()).min().orElse(0) < 50) {
                    assertTrue(System.nanoTime() < deadline, "the load never got going");
                    Thread.sleep(10);
                }
                assertEquals(200, status(server.metricsPort(), "GET", "/ready"));

                long start = System.nanoTime();
                server.drain(Duration.ofSeconds(5));
                assertEquals(503, status(server.metricsPort(), "GET", "/ready"), "readiness fails while draining");
                assertTrue(server.awaitTermination(Duration.ofSeconds(6)), "the drain did not end");
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                for (Thread thread : threads) {
                    thread.join(5000);
                }
                for (Client client : clients) {
                    assertEquals(null, client.failure, "a client saw a reset or a wrong byte");
                    assertTrue(client.orderlyEnd, "every client read an orderly end");
                }
                // Every client read EOF and closed at once: nothing waited for the timeout.
                assertTrue(millis < 4000, "drained in " + millis + " ms");
                assertEquals(0, server.activeConnections());
            } finally {
                server.close();
            }
        }
    }

    @Test
    void aClientThatNeverReadsIsCutAtTheDrainTimeout() throws Exception {
        EchoServer server = EchoServer.start(ServerConfig.defaults().withPort(0).withBuffers(1 << 16, 1 << 14),
                System.err);
        try (Socket stubborn = new Socket("127.0.0.1", server.port())) {
            stubborn.setSoTimeout(5000);
            // Fill both directions' buffers: the server stops reading once its pending bytes pass
            // the limit, so the write blocks; a thread does it.
            Thread writer = new Thread(() -> {
                try {
                    byte[] chunk = new byte[1 << 16];
                    while (true) {
                        stubborn.getOutputStream().write(chunk);
                    }
                } catch (IOException expected) {
                    // the server closed
                }
            });
            writer.setDaemon(true);
            writer.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (server.pendingBytes() == 0) {
                assertTrue(System.nanoTime() < deadline, "nothing pending");
                Thread.sleep(10);
            }
            long start = System.nanoTime();
            server.drain(Duration.ofMillis(700));
            assertTrue(server.awaitTermination(Duration.ofSeconds(5)), "the drain timeout did not end the server");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis >= 600 && millis < 3000, "ended " + millis + " ms after the drain began");
            assertEquals(0, server.activeConnections());
        } finally {
            server.close();
        }
    }

    @Test
    void livenessFailsOnlyWhileALoopIsStuck() throws Exception {
        EchoServer server = EchoServer.start(ServerConfig.defaults().withPort(0).withThreads(2).withMetricsPort(0),
                System.err);
        try {
            int port = server.metricsPort();
            assertEquals(200, status(port, "GET", "/health"), "idle loops are alive");
            assertEquals(200, status(port, "HEAD", "/health"));
            server.wedgeLoopForTest(1, Duration.ofSeconds(4));
            assertEquals(503, status(port, "GET", "/health"), "a wedged loop");
            assertEquals(200, status(port, "GET", "/ready"), "readiness is not liveness");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (status(port, "GET", "/health") != 200) {
                assertTrue(System.nanoTime() < deadline, "never alive again");
                Thread.sleep(100);
            }
        } finally {
            server.close();
        }
    }

    @Test
    void theContainerTestsWedgeHookExistsOnlyWhenAskedFor() throws Exception {
        try (EchoServer server = EchoServer.start(ServerConfig.defaults().withPort(0).withMetricsPort(0), System.err)) {
            // No hook: the endpoint takes GET and HEAD only.
            assertEquals(405, status(server.metricsPort(), "POST", "/test/wedge?seconds=3"));
            assertEquals(200, status(server.metricsPort(), "GET", "/health"));
        }
        System.setProperty(EchoServer.TEST_HOOKS_PROPERTY, "true");
        try (EchoServer server = EchoServer.start(ServerConfig.defaults().withPort(0).withMetricsPort(0), System.err)) {
            assertEquals(202, status(server.metricsPort(), "POST", "/test/wedge?seconds=3"));
            assertEquals(503, status(server.metricsPort(), "GET", "/health"));
        } finally {
            System.clearProperty(EchoServer.TEST_HOOKS_PROPERTY);
        }
    }

    @Test
    void onlyTheExactPathsAnswer() throws Exception {
        EchoServer server = EchoServer.start(ServerConfig.defaults().withPort(0).withMetricsPort(0), System.err);
        try {
            int port = server.metricsPort();
            for (String path : new String[] {"/metrics", "/health", "/ready"}) {
                assertEquals(200, status(port, "GET", path), path);
            }
            for (String path : new String[] {"/metrics/foo", "/healthz", "/", "/readyz"}) {
                assertEquals(404, status(port, "GET", path), path);
            }
        } finally {
            server.close();
        }
    }
}
