package dev.selectors.echo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The production server against real clients on loopback, for every backend available here.
 * Clients are the JDK's own sockets, so our Socket cannot hide a server bug.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EchoServerEndToEndTest {

    private static EchoServer start(String backend, ServerConfig config) throws IOException {
        return EchoServer.start(config.withPort(0).withBackend(backend), System.err);
    }

    private static EchoServer start(String backend) throws IOException {
        return start(backend, ServerConfig.defaults());
    }

    private static Socket connect(EchoServer server) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
        socket.setSoTimeout(20_000);
        return socket;
    }

    private static byte[] readFully(InputStream in, int length) throws IOException {
        byte[] data = in.readNBytes(length);
        assertEquals(length, data.length, "the server closed early");
        return data;
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
            Thread.sleep(10);
        }
    }

    static java.util.stream.Stream<String> backends() {
        return Backends.available();
    }

    @ParameterizedTest
    @MethodSource("backends")
    void manyClientsWithMessagesFromOneByteToOneMebibyteGetEveryByteBack(String backend) throws Exception {
        int[] sizes = {1, 2, 63, 64, 1000, 4096, 65_535, 65_536, 65_537, 300_000, 1 << 20};
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try (EchoServer server = start(backend)) {
            List<Future<?>> results = new ArrayList<>();
            for (int client = 0; client < 16; client++) {
                long seed = client;
                results.add(clients.submit(() -> {
                    Random random = new Random(seed);
                    try (Socket socket = connect(server)) {
                        for (int size : sizes) {
                            byte[] message = new byte[size];
                            random.nextBytes(message);
                            // Writing 1 MiB before reading relies on the server's backpressure
                            // and buffering: a writer thread keeps it honest.
                            Thread writer = new Thread(() -> {
                                try {
                                    socket.getOutputStream().write(message);
                                } catch (IOException e) {
                                    throw new IllegalStateException(e);
                                }
                            });
                            writer.start();
                            assertArrayEquals(message, readFully(socket.getInputStream(), size), "size " + size);
                            writer.join();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get();
            }
            waitUntil(() -> server.activeConnections() == 0, "every connection closed");
            assertEquals(0, server.pendingBytes());
        } finally {
            clients.shutdownNow();
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aSlowReaderLosesNothingAndServerMemoryStaysBounded(String backend) throws Exception {
        int maxPending = 256 << 10;
        int bufferSize = 16 << 10;
        ServerConfig config = ServerConfig.defaults().withBuffers(maxPending, bufferSize);
        byte[] payload = new byte[16 << 20];
        new Random(1).nextBytes(payload);
        try (EchoServer server = start(backend, config);
             SocketChannel slow = SocketChannel.open(new InetSocketAddress("127.0.0.1", server.port()));
             Socket fast = connect(server)) {
            Thread writer = new Thread(() -> {
                try {
                    slow.write(ByteBuffer.wrap(payload));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            ByteBuffer received = ByteBuffer.allocate(payload.length);
            ByteBuffer chunk = ByteBuffer.allocate(4096);
            long maxPendingSeen = 0;
            while (received.hasRemaining()) {
                chunk.clear().limit(Math.min(4096, received.remaining()));
                int n = slow.read(chunk);
                assertTrue(n > 0, "the server closed early");
                chunk.flip();
                received.put(chunk);
                maxPendingSeen = Math.max(maxPendingSeen, server.pendingBytes());
                // Meanwhile another client is served at full speed.
                if (received.position() % (1 << 20) < 4096) {
                    fast.getOutputStream().write(new byte[] {42});
                    assertEquals(42, fast.getInputStream().read());
                }
                if (received.position() % (64 << 10) == 0) {
                    Thread.sleep(1);
                }
            }
            writer.join();
            assertArrayEquals(payload, received.array());
            assertTrue(maxPendingSeen > 0, "the test never made the server buffer anything");
            assertTrue(maxPendingSeen <= maxPending + bufferSize,
                    "pending bytes reached " + maxPendingSeen + ", over the bound " + (maxPending + bufferSize));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void halfCloseEchoesEverythingThenCloses(String backend) throws Exception {
        byte[] message = new byte[200_000];
        new Random(2).nextBytes(message);
        try (EchoServer server = start(backend); Socket socket = connect(server)) {
            socket.getOutputStream().write(message);
            socket.shutdownOutput();
            byte[] echoed = socket.getInputStream().readAllBytes();
            assertArrayEquals(message, echoed);
            waitUntil(() -> server.activeConnections() == 0, "the half-closed connection closed");
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void peersThatResetOrVanishDoNotDisturbOthers(String backend) throws Exception {
        try (EchoServer server = start(backend); Socket steady = connect(server)) {
            for (int i = 0; i < 50; i++) {
                Socket resetter = connect(server);
                resetter.getOutputStream().write(new byte[100_000]);
                resetter.setSoLinger(true, 0);
                resetter.close();
                // Connects and vanishes without a byte.
                connect(server).close();
            }
            OutputStream out = steady.getOutputStream();
            out.write("still here".getBytes());
            assertEquals("still here", new String(readFully(steady.getInputStream(), 10)));
            waitUntil(() -> server.activeConnections() == 1, "the resets and vanished peers were closed");
            assertEquals(0, server.pendingBytes());
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aThousandConcurrentConnectionsAreEachEchoed(String backend) throws Exception {
        // select(2) cannot watch fds at or above FD_SETSIZE (1024), and the test's clients live
        // in the same process, so 1,000 connections put the server's fds past it.
        assumeFalse(backend.equals("select"), "select is limited to FD_SETSIZE fds");
        List<Socket> sockets = new ArrayList<>();
        try (EchoServer server = start(backend)) {
            for (int i = 0; i < 1000; i++) {
                sockets.add(connect(server));
            }
            for (int i = 0; i < sockets.size(); i++) {
                sockets.get(i).getOutputStream().write(("connection " + i + ";").getBytes());
            }
            for (int i = 0; i < sockets.size(); i++) {
                String expected = "connection " + i + ";";
                assertEquals(expected, new String(readFully(sockets.get(i).getInputStream(), expected.length())));
            }
            waitUntil(() -> server.activeConnections() == 1000, "all 1,000 counted as active");
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void connectionsOverTheLimitAreRefusedAndIdleOnesClosed(String backend) throws Exception {
        ServerConfig config = ServerConfig.defaults().withLimits(2, Duration.ofMillis(300));
        try (EchoServer server = start(backend, config); Socket first = connect(server); Socket second = connect(server)) {
            waitUntil(() -> server.activeConnections() == 2, "two connections active");
            try (Socket third = connect(server)) {
                assertEquals(-1, third.getInputStream().read(), "the third connection should be closed at once");
            }
            waitUntil(() -> server.refusedConnections() == 1, "one refusal counted");
            waitUntil(() -> server.idleClosedConnections() == 2, "the idle connections closed");
            assertEquals(-1, first.getInputStream().read());
            try (Socket fresh = connect(server)) {
                fresh.getOutputStream().write(7);
                assertEquals(7, fresh.getInputStream().read());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void severalEventLoopsShareThePortThroughSoReuseport(String backend) throws Exception {
        ServerConfig config = ServerConfig.defaults().withThreads(3).withAccept(ServerConfig.Accept.REUSEPORT);
        try (EchoServer server = start(backend, config); Clients clients = Clients.echoingOneByte(server, 30)) {
            assertEquals(30, server.acceptedPerLoop().stream().mapToLong(Long::longValue).sum());
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void oneAcceptorHandsConnectionsToTheLoopsInTurn(String backend) throws Exception {
        ServerConfig config = ServerConfig.defaults().withThreads(3).withAccept(ServerConfig.Accept.HANDOFF);
        try (EchoServer server = start(backend, config)) {
            try (Clients clients = Clients.echoingOneByte(server, 30)) {
                // Round robin: each loop took exactly a third, which SO_REUSEPORT's hash does not promise.
                assertEquals(List.of(10L, 10L, 10L), server.acceptedPerLoop());
                assertEquals(30, server.activeConnections());
            }
            waitUntil(() -> server.activeConnections() == 0, "every handed-off connection closed");
        }
    }

    /** Connections that each had one byte echoed, so that a loop has taken each on. */
    private static final class Clients implements AutoCloseable {
        private final List<Socket> sockets = new ArrayList<>();

        static Clients echoingOneByte(EchoServer server, int count) throws IOException {
            Clients clients = new Clients();
            try {
                for (int i = 0; i < count; i++) {
                    Socket socket = connect(server);
                    clients.sockets.add(socket);
                    socket.getOutputStream().write(i);
                    assertEquals(i, socket.getInputStream().read());
                }
                return clients;
            } catch (IOException | RuntimeException | AssertionError e) {
                clients.close();
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    @Test
    void stoppingWithHandedOffConnectionsClosesThemAll() throws Exception {
        ServerConfig config = ServerConfig.defaults().withThreads(2).withAccept(ServerConfig.Accept.HANDOFF);
        EchoServer server = start("auto", config);
        try (Clients clients = Clients.echoingOneByte(server, 10)) {
            server.close();
            assertEquals(0, server.activeConnections());
            for (Socket socket : clients.sockets) {
                socket.setSoTimeout(5000);
                // The server closed its end: EOF, or a reset, never a hang.
                try {
                    assertEquals(-1, socket.getInputStream().read());
                } catch (java.net.SocketException reset) {
                    // closed with unread data: a reset is a close too
                }
            }
        } finally {
            server.close();
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void metricsAreServedAsPrometheusText(String backend) throws Exception {
        try (EchoServer server = start(backend, ServerConfig.defaults().withMetricsPort(0))) {
            try (Socket socket = connect(server)) {
                socket.getOutputStream().write(new byte[10]);
                readFully(socket.getInputStream(), 10);
            }
            waitUntil(() -> server.activeConnections() == 0, "the connection closed");
            String metrics = Http.get(server.metricsPort(), "/metrics");
            assertTrue(metrics.contains("echo_connections_accepted_total{backend=\"" + backend + "\"} 1.0"), metrics);
            assertTrue(metrics.contains("echo_received_bytes_total{backend=\"" + backend + "\"} 10.0"), metrics);
            assertTrue(metrics.contains("echo_sent_bytes_total{backend=\"" + backend + "\"} 10.0"), metrics);
            assertTrue(metrics.contains("echo_connections_active{backend=\"" + backend + "\"} 0.0"), metrics);
            assertTrue(metrics.contains("echo_loop_connections_active{backend=\"" + backend + "\",loop=\"0\"} 0.0"),
                    metrics);
            assertTrue(metrics.contains("echo_select_ready_keys_count"), metrics);
            assertTrue(metrics.contains("echo_select_blocked_seconds_count"), metrics);
            assertTrue(metrics.contains("echo_accept_backoffs_total"), metrics);
            assertTrue(metrics.contains("jvm_memory_used_bytes"), metrics);
            assertTrue(metrics.contains("process_files_open_files"), metrics);
            assertEquals("ok\n", Http.get(server.metricsPort(), "/health"));
        }
    }
}
