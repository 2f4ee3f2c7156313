package dev.selectors.posix;

import dev.selectors.ReadyKey;
import dev.selectors.Selector;
import dev.selectors.SelectorKey;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;

/**
 * The echo server of Python's {@code selectors} documentation, line for line, on a selector
 * given by the caller: the one copy of the example, which the echo server's example mode runs
 * and the conformance kit runs against every backend. Like the original it loses bytes when
 * {@code send} is partial and stops on the first socket error; the callback is carried in each
 * key's data, as in the example.
 *
 * <p>Two additions, so that programs and tests can end it: {@link #stop()} ends
 * {@code while True}, and {@link #runOnce(Duration)} is one turn of it with a timeout.
 */
public final class EchoExample implements Closeable {

    /** Python's callbacks: {@code callback(key.fileobj, mask)}. */
    @FunctionalInterface
    public interface Callback {
        /**
         * Handles a ready file object.
         *
         * @param fileobj the ready socket
         * @param mask    the events it is ready for
         * @throws IOException a socket call failed
         */
        void call(Object fileobj, int mask) throws IOException;
    }

    private final Selector sel;
    private final Socket sock;
    private final PrintStream out;
    private volatile boolean stopping;

    /**
     * Binds and registers the listening socket, as the example's module-level code does.
     *
     * @param sel  the selector ({@code sel = selectors.DefaultSelector()})
     * @param host where to bind ({@code 'localhost'} in the example)
     * @param port the port (1234 in the example; 0 for any)
     * @param out  where the example prints its lines
     * @throws IOException bind or listen failed; the socket is closed
     */
    public EchoExample(Selector sel, String host, int port, PrintStream out) throws IOException {
        this.sel = sel;
        this.out = out;
        sock = new Socket();
        try {
            sock.bind(host, port);
            sock.listen(100);
            sock.setBlocking(false);
            sel.register(sock, Selector.EVENT_READ, (Callback) this::accept);
        } catch (IOException | RuntimeException e) {
            sock.close();
            throw e;
        }
    }

    private void accept(Object fileobj, int mask) throws IOException {
        Socket sock = (Socket) fileobj;
        Socket.Accepted accepted = sock.accept();  // Should be ready
        Socket conn = accepted.socket();
        SocketAddress addr = accepted.address();
        out.println("accepted " + conn + " from " + PythonRepr.address(addr));
        conn.setBlocking(false);
        sel.register(conn, Selector.EVENT_READ, (Callback) this::read);
    }

    private void read(Object fileobj, int mask) throws IOException {
        Socket conn = (Socket) fileobj;
        byte[] data = conn.recv(1000);  // Should be ready
        if (data.length > 0) {
            out.println("echoing " + PythonRepr.bytes(data, data.length) + " to " + conn);
            conn.send(data);  // Hope it won't block
        } else {
            out.println("closing " + conn);
            sel.unregister(conn);
            conn.close();
        }
    }

    /**
     * The example's {@code while True} loop, until {@link #stop()}; then closes every socket.
     *
     * @throws IOException a socket call failed: the example does not handle errors
     */
    public void serveForever() throws IOException {
        try {
            while (!stopping) {
                runOnce(null);
            }
        } finally {
            close();
        }
    }

    /**
     * One turn of the example's event loop.
     *
     * @param timeout how long to wait for events; {@code null} waits without limit, as the example does
     * @throws IOException a callback or the select failed
     */
    public void runOnce(Duration timeout) throws IOException {
        for (ReadyKey event : timeout == null ? sel.select() : sel.select(timeout)) {
            SelectorKey key = event.key();
            Callback callback = (Callback) key.data();
            callback.call(key.fileobj(), event.events());
        }
    }

    /**
     * Returns the port the listening socket is bound to.
     *
     * @return the port (the chosen one when 0 was asked)
     * @throws IOException getsockname failed
     */
    public int port() throws IOException {
        return ((InetSocketAddress) sock.getsockname()).getPort();
    }

    /** Ends {@link #serveForever()} from any thread. */
    public void stop() {
        stopping = true;
        sel.wakeup();
    }

    /**
     * Unregisters and closes every socket the example opened; the selector stays the caller's.
     * Close the example before the selector: a closed selector no longer lists the connections.
     *
     * @throws IOException a close failed
     */
    @Override
    public void close() throws IOException {
        try {
            for (SelectorKey key : sel.getMap().values().toArray(new SelectorKey[0])) {
                sel.unregister(key.fileobj());
                ((Socket) key.fileobj()).close();
            }
        } finally {
            sock.close();
        }
    }
}
