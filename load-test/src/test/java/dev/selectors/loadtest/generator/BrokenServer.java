package dev.selectors.loadtest.generator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** Deliberately wrong echo servers on loopback, one thread per connection, for the generator's tests. */
public final class BrokenServer implements AutoCloseable {

    /** How the server misbehaves. */
    public enum Fault {
        /** Echoes every byte, but flips the bits of byte 1,000 of each connection's stream. */
        FLIPS_A_BYTE,
        /** Echoes the first 10,000 bytes, then reads and discards everything. */
        DROPS_DATA,
        /** Echoes the first 5,000 bytes, reads a little more, then closes. */
        CLOSES_EARLY
    }

    private final ServerSocket listener;
    private final Fault fault;
    private final List<Socket> connections = new ArrayList<>();
    private final Thread acceptor;

    public BrokenServer(Fault fault) throws IOException {
        this.fault = fault;
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "broken-" + fault);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        try {
            while (true) {
                Socket socket = listener.accept();
                synchronized (connections) {
                    connections.add(socket);
                }
                Thread worker = new Thread(() -> serve(socket));
                worker.setDaemon(true);
                worker.start();
            }
        } catch (IOException closed) {
            // the test is over
        }
    }

    private void serve(Socket socket) {
        byte[] buffer = new byte[4096];
        long offset = 0;
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (fault == Fault.FLIPS_A_BYTE && offset <= 1000 && 1000 < offset + n) {
                    buffer[(int) (1000 - offset)] ^= (byte) 0xFF;
                }
                if (fault == Fault.CLOSES_EARLY && offset + n > 5000) {
                    out.write(buffer, 0, (int) Math.max(0, 5000 - offset));
                    return;
                }
                int echo = fault == Fault.DROPS_DATA ? (int) Math.max(0, Math.min(n, 10_000 - offset)) : n;
                out.write(buffer, 0, echo);
                offset += n;
            }
        } catch (IOException ended) {
            // the peer went away
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        synchronized (connections) {
            for (Socket socket : connections) {
                socket.close();
            }
        }
    }
}
