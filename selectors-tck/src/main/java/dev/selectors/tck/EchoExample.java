package dev.selectors.tck;

import dev.selectors.ReadyKey;
import dev.selectors.Selector;
import dev.selectors.SelectorKey;
import dev.selectors.posix.Socket;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;

/**
 * The echo server of Python's selectors documentation, line for line, on a selector given by
 * the caller. The callback is carried in each key's data, as in the example. The TCK runs it
 * against every backend; {@link #runOnce} is one turn of the example's {@code while True} loop.
 */
public final class EchoExample {

    /** Python's callbacks, {@code callback(key.fileobj, mask)}. */
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
    private final PrintStream out;

    /**
     * Sets up the example's listening socket on a selector.
     *
     * @param sel  the selector ({@code sel = selectors.DefaultSelector()})
     * @param sock a bound socket, not yet listening
     * @param out  where the example prints its lines
     * @throws IOException a socket call failed
     */
    public EchoExample(Selector sel, Socket sock, PrintStream out) throws IOException {
        this.sel = sel;
        this.out = out;
        sock.listen(100);
        sock.setBlocking(false);
        sel.register(sock, Selector.EVENT_READ, (Callback) this::accept);
    }

    private void accept(Object fileobj, int mask) throws IOException {
        Socket sock = (Socket) fileobj;
        Socket.Accepted accepted = sock.accept();  // Should be ready
        Socket conn = accepted.socket();
        out.println("accepted " + conn + " from " + accepted.address());
        conn.setBlocking(false);
        sel.register(conn, Selector.EVENT_READ, (Callback) this::read);
    }

    private void read(Object fileobj, int mask) throws IOException {
        Socket conn = (Socket) fileobj;
        byte[] data = conn.recv(1000);  // Should be ready
        if (data.length > 0) {
            out.println("echoing " + Arrays.toString(data) + " to " + conn);
            conn.send(data);  // Hope it won't block
        } else {
            out.println("closing " + conn);
            sel.unregister(conn);
            conn.close();
        }
    }

    /**
     * One turn of the example's event loop, with a timeout so that tests end.
     *
     * @param timeout how long to wait for events
     * @throws IOException a callback or the select failed
     */
    public void runOnce(Duration timeout) throws IOException {
        for (ReadyKey ready : sel.select(timeout)) {
            SelectorKey key = ready.key();
            Callback callback = (Callback) key.data();
            callback.call(key.fileobj(), ready.events());
        }
    }
}
