package dev.selectors.posix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selectors.ErrnoException;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SocketTest {

    /** Our repr is CPython's (3.11+), the fd numbers aside: asked of the python3 on the machine. */
    @Test
    void reprIsCPythons() throws IOException, InterruptedException {
        Process python;
        try {
            python = new ProcessBuilder("python3", "-c", "import socket; s = socket.socket(); print(repr(s)); "
                    + "s.close(); print(repr(s))").redirectErrorStream(true).start();
        } catch (IOException noPython) {
            org.junit.jupiter.api.Assumptions.abort("python3 is not installed: " + noPython.getMessage());
            return;
        }
        String[] theirs = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().split("\n");
        assertEquals(0, python.waitFor());
        Socket socket = new Socket();
        String open = socket.toString();
        socket.close();
        String closed = socket.toString();
        assertEquals(theirs[0].replaceFirst("fd=\\d+", "fd=N"), open.replaceFirst("fd=\\d+", "fd=N"));
        assertEquals(theirs[1], closed);
    }

    /** CPython's send(b'') and sendall(b'') reach send(2): a shut-down or closed socket says so. */
    @Test
    void sendingNothingStillAsksTheKernel() throws IOException {
        Socket.Pair pair = Socket.socketpair();
        try {
            assertEquals(0, pair.first().send(new byte[0]), "an open socket takes zero bytes");
            pair.first().shutdown(Socket.SHUT_WR);
            ErrnoException afterShutdown = assertThrows(ErrnoException.class, () -> pair.first().send(new byte[0]));
            assertEquals("EPIPE", afterShutdown.errnoName());
            ErrnoException sendallAfterShutdown = assertThrows(ErrnoException.class, () -> pair.first().sendall(new byte[0]));
            assertEquals("EPIPE", sendallAfterShutdown.errnoName());
            pair.first().close();
            ErrnoException afterClose = assertThrows(ErrnoException.class, () -> pair.first().send(new byte[0]));
            assertEquals("EBADF", afterClose.errnoName());
        } finally {
            pair.close();
        }
    }

    @Test
    void ipv4LoopbackConnectAcceptAndEcho() throws IOException {
        try (Socket server = new Socket(); Socket client = new Socket()) {
            server.setsockopt(SocketOption.SO_REUSEADDR, 1);
            server.bind("localhost", 0);
            server.listen();
            InetSocketAddress local = (InetSocketAddress) server.getsockname();
            assertTrue(local.getAddress() instanceof Inet4Address);
            assertEquals("127.0.0.1", local.getAddress().getHostAddress());
            assertTrue(local.getPort() > 0);

            client.connect("localhost", local.getPort());
            Socket.Accepted accepted = server.accept();
            try (Socket connection = accepted.socket()) {
                assertEquals(client.getsockname(), accepted.address());
                assertEquals(client.getsockname(), connection.getpeername());
                client.sendall("ping".getBytes(StandardCharsets.US_ASCII));
                assertArrayEquals("ping".getBytes(StandardCharsets.US_ASCII), connection.recv(100));
                connection.send("pong".getBytes(StandardCharsets.US_ASCII));
                assertArrayEquals("pong".getBytes(StandardCharsets.US_ASCII), client.recv(100));
                assertTrue(connection.toString().startsWith("<socket.socket fd=" + connection.fileno()
                        + ", family=2, type=1, proto=0, laddr=('127.0.0.1', " + local.getPort() + "), raddr=('127.0.0.1', "),
                        connection.toString());
            }
        }
    }

    @Test
    void ipv6LoopbackWorks() throws IOException {
        try (Socket server = new Socket(AddressFamily.INET6); Socket client = new Socket(AddressFamily.INET6)) {
            server.bind("::1", 0);
            server.listen(10);
            InetSocketAddress local = (InetSocketAddress) server.getsockname();
            assertTrue(local.getAddress() instanceof Inet6Address);
            client.connect(local);
            try (Socket connection = server.accept().socket()) {
                client.sendall(new byte[] {1, 2, 3});
                assertArrayEquals(new byte[] {1, 2, 3}, connection.recv(10));
            }
        }
    }

    @Test
    void aMegabyteCrossesIntactThroughDirectBuffers() throws Exception {
        byte[] payload = new byte[1 << 20];
        new Random(7).nextBytes(payload);
        try (Socket.Pair pair = Socket.socketpair()) {
            Thread writer = new Thread(() -> {
                try {
                    ByteBuffer source = ByteBuffer.allocateDirect(payload.length);
                    source.put(payload).flip();
                    pair.first().sendall(source);
                    pair.first().shutdown(Socket.SHUT_WR);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            ByteBuffer received = ByteBuffer.allocate(payload.length);
            ByteBuffer chunk = ByteBuffer.allocateDirect(10_000);
            for (;;) {
                chunk.clear();
                int n = pair.second().recvInto(chunk);
                if (n == 0) {
                    break;
                }
                chunk.flip();
                received.put(chunk);
            }
            writer.join();
            assertArrayEquals(payload, received.array());
        }
    }

    @Test
    void rangedSendAndRecvLeavePositionAndLimitAlone() throws IOException {
        for (boolean direct : new boolean[] {true, false}) {
            try (Socket.Pair pair = Socket.socketpair()) {
                ByteBuffer source = direct ? ByteBuffer.allocateDirect(16) : ByteBuffer.allocate(16);
                for (int i = 0; i < 16; i++) {
                    source.put(i, (byte) (100 + i));
                }
                source.position(2).limit(12);
                assertEquals(5, pair.first().send(source, 3, 5));
                assertEquals(2, source.position());
                assertEquals(12, source.limit());

                ByteBuffer sink = direct ? ByteBuffer.allocateDirect(16) : ByteBuffer.allocate(16);
                sink.position(1).limit(10);
                assertEquals(5, pair.second().recvInto(sink, 4, 6));
                assertEquals(1, sink.position());
                assertEquals(10, sink.limit());
                for (int i = 0; i < 5; i++) {
                    assertEquals((byte) (103 + i), sink.get(4 + i), "byte " + i + (direct ? " (direct)" : " (heap)"));
                }
                assertEquals(0, sink.get(3));
                assertEquals(0, sink.get(9));
            }
        }
    }

    @Test
    void rangedCallsRejectRangesBeyondTheLimitAndReadOnlyDestinations() throws IOException {
        try (Socket.Pair pair = Socket.socketpair()) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(16).limit(8);
            assertThrows(IndexOutOfBoundsException.class, () -> pair.first().send(buffer, 4, 5));
            assertThrows(IndexOutOfBoundsException.class, () -> pair.first().send(buffer, -1, 2));
            assertThrows(IndexOutOfBoundsException.class, () -> pair.second().recvInto(buffer, 0, 9));
            assertThrows(java.nio.ReadOnlyBufferException.class,
                    () -> pair.second().recvInto(buffer.asReadOnlyBuffer(), 0, 4));
            assertEquals(0, pair.first().send(buffer, 8, 0));
        }
    }

    @Test
    void nonBlockingRecvWithNothingReadyIsBlockingIOError() throws IOException {
        try (Socket.Pair pair = Socket.socketpair()) {
            pair.first().setBlocking(false);
            assertFalse(pair.first().getBlocking());
            BlockingIOException e = assertThrows(BlockingIOException.class, () -> pair.first().recv(10));
            assertEquals("EAGAIN", e.errnoName());
        }
    }

    @Test
    void connectionRefusedCarriesItsErrnoName() throws IOException {
        int port;
        try (Socket probe = new Socket()) {
            probe.bind("127.0.0.1", 0);
            port = ((InetSocketAddress) probe.getsockname()).getPort();
        }
        try (Socket client = new Socket()) {
            ErrnoException e = assertThrows(ErrnoException.class, () -> client.connect("127.0.0.1", port));
            assertEquals("ECONNREFUSED", e.errnoName());
            assertTrue(e.getMessage().startsWith("connect: ECONNREFUSED"), e.getMessage());
        }
    }

    @Test
    void aClosedSocketAnswersMinusOneAndEbadf() throws IOException {
        Socket socket = new Socket();
        socket.close();
        socket.close();
        assertEquals(-1, socket.fileno());
        assertTrue(socket.isClosed());
        ErrnoException e = assertThrows(ErrnoException.class, () -> socket.recv(1));
        assertEquals("EBADF", e.errnoName());
        assertTrue(socket.toString().contains("[closed]"));
    }

    @Test
    void optionsCanBeSetAndRead() throws IOException {
        try (Socket socket = new Socket()) {
            socket.setsockopt(SocketOption.TCP_NODELAY, 1);
            assertEquals(1, socket.getsockopt(SocketOption.TCP_NODELAY));
            socket.setsockopt(SocketOption.SO_REUSEPORT, 1);
            assertEquals(1, socket.getsockopt(SocketOption.SO_REUSEPORT));
            assertEquals(0, socket.getsockopt(SocketOption.SO_ERROR));
        }
    }

    @Test
    void badAddressesAreRefusedClearly() throws IOException {
        try (Socket socket = new Socket()) {
            assertThrows(IllegalArgumentException.class, () -> socket.bind("127.0.0.1", 70000));
            assertThrows(UnknownHostException.class, () -> socket.bind("::1", 0));
            assertThrows(IllegalArgumentException.class, () -> socket.recv(-1));
        }
    }

    @Test
    void bindingAPortInUseIsEaddrinuse() throws IOException {
        try (Socket first = Socket.listenLoopback(1); Socket second = new Socket()) {
            int port = ((InetSocketAddress) first.getsockname()).getPort();
            ErrnoException e = assertThrows(ErrnoException.class, () -> second.bind("127.0.0.1", port));
            assertEquals("EADDRINUSE", e.errnoName());
        }
    }

    @Test
    void pipesCarryBytesOneWay() throws IOException {
        try (Pipe pipe = Pipe.open()) {
            assertEquals(3, pipe.writeEnd().write(new byte[] {7, 8, 9}));
            assertArrayEquals(new byte[] {7, 8, 9}, pipe.readEnd().read(10));
            pipe.writeEnd().close();
            assertEquals(0, pipe.readEnd().read(10).length);
        }
    }
}
