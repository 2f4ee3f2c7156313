package dev.selectors.echo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selectors.Selector;
import dev.selectors.Selectors;
import dev.selectors.posix.BlockingIOException;
import dev.selectors.posix.EchoExample;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The documented example, and what it loses that the production mode does not. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExampleModeTest {

    static java.util.stream.Stream<String> backends() {
        return Backends.available();
    }

    /** Runs the example in a thread; remembers how it ended. */
    private static final class RunningExample implements AutoCloseable {
        final EchoExample server;
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final Thread thread;
        final Selector selector;

        RunningExample(String backend) throws IOException {
            selector = Selectors.open(backend);
            server = new EchoExample(selector, "localhost", 0, new PrintStream(printed, true, StandardCharsets.UTF_8));
            thread = new Thread(() -> {
                try {
                    server.serveForever();
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            thread.start();
        }

        String output() {
            return printed.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws Exception {
            server.stop();
            thread.join(5000);
            selector.close();
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void smallMessagesAreEchoedAndPrintedAsInThePythonExample(String backend) throws Exception {
        try (RunningExample example = new RunningExample(backend)) {
            int port = example.server.port();
            String clientAddress;
            try (Socket client = new Socket("127.0.0.1", port)) {
                clientAddress = "('127.0.0.1', " + client.getLocalPort() + ")";
                for (String message : new String[] {"hello\n", "it's"}) {
                    client.getOutputStream().write(message.getBytes(StandardCharsets.US_ASCII));
                    assertEquals(message, new String(client.getInputStream().readNBytes(message.length()), StandardCharsets.US_ASCII));
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!example.output().contains("closing") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            String[] lines = example.output().split("\n");
            assertEquals(4, lines.length, example.output());
            String conn = "<socket\\.socket fd=\\d+, family=2, type=1, proto=0, laddr=\\('127\\.0\\.0\\.1', " + port
                    + "\\), raddr=" + clientAddress.replace("(", "\\(").replace(")", "\\)").replace(".", "\\.") + ">";
            assertTrue(lines[0].matches("accepted " + conn + " from " + clientAddress.replace("(", "\\(").replace(")", "\\)").replace(".", "\\.")), lines[0]);
            assertTrue(lines[1].matches("echoing b'hello\\\\n' to " + conn), lines[1]);
            assertTrue(lines[2].matches("echoing b\"it's\" to " + conn), lines[2]);
            assertTrue(lines[3].matches("closing " + conn), lines[3]);
        }
    }

    /**
     * Sends the payload, through a 16 KiB receive buffer, and starts reading only when
     * {@code readNow} says so (or after 10 s): until then the server's socket fills up whatever
     * the kernel's buffer autotuning does, since the payload is larger than the largest send
     * buffer (net.ipv4.tcp_wmem's maximum, 4 MiB by default). Returns how many bytes came back
     * intact.
     */
    private static int echoWithSlowStart(int port, byte[] payload, BooleanSupplier readNow) throws Exception {
        try (SocketChannel client = SocketChannel.open()) {
            client.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 16 << 10);
            client.connect(new InetSocketAddress("127.0.0.1", port));
            Thread writer = new Thread(() -> {
                try {
                    client.write(ByteBuffer.wrap(payload));
                } catch (IOException serverGaveUp) {
                    // the example died or closed: what matters is what came back
                }
            });
            writer.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!readNow.getAsBoolean() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            ByteBuffer received = ByteBuffer.allocate(payload.length);
            client.socket().setSoTimeout(2000);
            try (java.io.InputStream in = client.socket().getInputStream()) {
                byte[] chunk = new byte[65536];
                for (int n; received.hasRemaining() && (n = in.read(chunk, 0, Math.min(chunk.length, received.remaining()))) > 0; ) {
                    received.put(chunk, 0, n);
                }
            } catch (java.net.SocketTimeoutException | java.net.SocketException stalled) {
                // the example lost bytes and the stream stalled or was reset
            }
            writer.join(5000);
            for (int i = 0; i < received.position(); i++) {
                if (received.get(i) != payload[i]) {
                    return i;
                }
            }
            return received.position();
        }
    }

    @Test
    void theExampleLosesBytesUnderBackpressureAndTheProductionModeDoesNot() throws Exception {
        byte[] payload = new byte[32 << 20];
        new Random(3).nextBytes(payload);
        int exampleIntact;
        Throwable exampleFailure;
        try (RunningExample example = new RunningExample("auto")) {
            // Read only once the example has given up (it must: its sends are non-blocking).
            exampleIntact = echoWithSlowStart(example.server.port(), payload, () -> !example.thread.isAlive());
            example.server.stop();
            example.thread.join(5000);
            exampleFailure = example.failure.get();
        }
        // Python's example ignores send()'s count ("Hope it won't block"): a partial send drops
        // the rest, and a full socket raises BlockingIOError, which ends the server.
        assertTrue(exampleIntact < payload.length, "the example echoed all 32 MiB intact: the test did not stress it");
        assertTrue(exampleFailure instanceof BlockingIOException, "the example should die of BlockingIOError, not "
                + exampleFailure);

        try (EchoServer production = EchoServer.start(ServerConfig.defaults().withPort(0), System.err)) {
            long start = System.nanoTime();
            // The production server pauses reading instead; the client starts reading later.
            assertEquals(payload.length, echoWithSlowStart(production.port(), payload,
                    () -> System.nanoTime() - start > TimeUnit.MILLISECONDS.toNanos(500)));
        }
    }

    @Test
    void productionEchoesEveryByteOfTheSamePayloadInOrder() throws Exception {
        byte[] payload = new byte[1 << 20];
        new Random(4).nextBytes(payload);
        try (EchoServer production = EchoServer.start(ServerConfig.defaults().withPort(0), System.err);
             Socket client = new Socket("127.0.0.1", production.port())) {
            Thread writer = new Thread(() -> {
                try {
                    client.getOutputStream().write(payload);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            assertArrayEquals(payload, client.getInputStream().readNBytes(payload.length));
            writer.join();
        }
    }
}
