package dev.selectors.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The production loop allocates nothing per echoed message once compiled: the event-loop
 * thread's allocated bytes over a window of ping-pong traffic, best of a few rounds (the JIT may
 * still be compiling in one). This guards more than our own code: an FFM downcall's check of the
 * errno capture segment allocates a slice unless C2 inlines the whole call, and one more call
 * level on the way to it once put it past C2's inlining depth in this loop (about 100 bytes
 * and 100-190 instructions per message, and a young collection every few seconds).
 */
class SteadyStateAllocationTest {

    private static final int CLIENTS = 4;
    private static final long WARMUP_NANOS = TimeUnit.SECONDS.toNanos(4);
    private static final long ROUND_NANOS = TimeUnit.MILLISECONDS.toNanos(700);
    private static final int ROUNDS = 5;

    @Test
    @Timeout(60)
    void theEventLoopAllocatesNothingPerMessageOnceWarm() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "this JVM does not count allocation per thread");
        threads.setThreadAllocatedMemoryEnabled(true);
        try (EchoServer server = EchoServer.start(ServerConfig.defaults().withPort(0), System.err)) {
            long loopId = idOf(threadNamed("echo-loop-0"));
            AtomicLong echoes = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> clients = new ArrayList<>();
            List<Throwable> failures = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                Thread client = new Thread(() -> pingPong(server.port(), echoes, stop, failures), "client-" + i);
                client.start();
                clients.add(client);
            }
            try {
                Thread.sleep(TimeUnit.NANOSECONDS.toMillis(WARMUP_NANOS));
                double best = Double.MAX_VALUE;
                for (int round = 0; round < ROUNDS; round++) {
                    long bytesBefore = threads.getThreadAllocatedBytes(loopId);
                    long echoesBefore = echoes.get();
                    Thread.sleep(TimeUnit.NANOSECONDS.toMillis(ROUND_NANOS));
                    long messages = echoes.get() - echoesBefore;
                    long bytes = threads.getThreadAllocatedBytes(loopId) - bytesBefore;
                    assertTrue(messages > 1000, "too few echoes to measure: " + messages);
                    best = Math.min(best, (double) bytes / messages);
                }
                assertTrue(best < 1, "the event loop allocated " + best + " bytes per echoed message at best");
            } finally {
                stop.set(true);
                for (Thread client : clients) {
                    client.join(10_000);
                }
            }
            assertEquals(List.of(), failures);
        }
    }

    @SuppressWarnings("deprecation") // threadId() is Java 19+; this module compiles for 17
    private static long idOf(Thread thread) {
        return thread.getId();
    }

    private static Thread threadNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no thread " + name));
    }

    private static void pingPong(int port, AtomicLong echoes, AtomicBoolean stop, List<Throwable> failures) {
        byte[] message = new byte[64];
        for (int i = 0; i < message.length; i++) {
            message[i] = (byte) i;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            byte[] echo = new byte[message.length];
            while (!stop.get()) {
                out.write(message);
                if (in.readNBytes(echo, 0, echo.length) != echo.length || echo[63] != 63) {
                    throw new IOException("short or wrong echo");
                }
                echoes.incrementAndGet();
            }
        } catch (IOException | RuntimeException e) {
            synchronized (failures) {
                failures.add(e);
            }
        }
    }
}
