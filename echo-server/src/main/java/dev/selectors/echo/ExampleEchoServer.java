package dev.selectors.echo;

import dev.selectors.ReadyKey;
import dev.selectors.Selector;
import dev.selectors.SelectorKey;
import dev.selectors.posix.PythonRepr;
import dev.selectors.posix.Socket;
import java.io.IOException;
import java.io.PrintStream;
import java.net.SocketAddress;

/**
 * The echo server of Python's selectors documentation, line for line (README: "The example,
 * side by side"). Like the original it loses bytes when {@code send} is partial and stops on
 * the first socket error; {@link EchoServer} is the production mode that does not.
 *
 * <p>The one addition is {@link #stop()}, so that SIGTERM ends {@code while True}.
 */
public final class ExampleEchoServer {

    /** Python's callbacks: {@code callback(key.fileobj, mask)}. */
    @FunctionalInterface
    interface Callback {
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
     * @param out  where to print
     * @throws IOException bind or listen failed
     */
    public ExampleEchoServer(Selector sel, String host, int port, PrintStream out) throws IOException {
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
     * The example's {@code while True} loop, until {@link #stop()}.
     *
     * @throws IOException a socket call failed: the example does not handle errors
     */
    public void serveForever() throws IOException {
        try {
            while (!stopping) {
                for (ReadyKey event : sel.select()) {
                    SelectorKey key = event.key();
                    Callback callback = (Callback) key.data();
                    callback.call(key.fileobj(), event.events());
                }
            }
        } finally {
            closeAll();
        }
    }

    /**
     * @return the port the listening socket is bound to
     */
    public int port() throws IOException {
        return ((java.net.InetSocketAddress) sock.getsockname()).getPort();
    }

    /** Ends {@link #serveForever()} from any thread. */
    public void stop() {
        stopping = true;
        sel.wakeup();
    }

    private void closeAll() throws IOException {
        for (SelectorKey key : sel.getMap().values().toArray(new SelectorKey[0])) {
            sel.unregister(key.fileobj());
            ((Socket) key.fileobj()).close();
        }
        sock.close();
    }
}
