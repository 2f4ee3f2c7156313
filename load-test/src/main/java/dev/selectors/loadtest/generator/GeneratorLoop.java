package dev.selectors.loadtest.generator;

import static dev.selectors.Selector.EVENT_READ;
import static dev.selectors.Selector.EVENT_WRITE;

import dev.selectors.ErrnoException;
import dev.selectors.ReadyHandler;
import dev.selectors.Selector;
import dev.selectors.SelectorKey;
import dev.selectors.Selectors;
import dev.selectors.posix.AddressFamily;
import dev.selectors.posix.BlockingIOException;
import dev.selectors.posix.Errno;
import dev.selectors.posix.Socket;
import dev.selectors.posix.SocketOption;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One thread of the load generator, on our own selectors API: it opens its share of the
 * connections (paced by the connect rate), sends messages (ping-pong, pipelined, or at a rate),
 * checks every echoed byte against the {@link Pattern}, and records each message's latency from
 * its intended send time in its {@link IntervalRecorder}.
 */
final class GeneratorLoop implements Runnable {

    private static final long CONNECT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long MAX_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Scenario scenario;
    private final List<Integer> connectionIds;
    private final InetSocketAddress address;
    private final AddressFamily family;
    private final Selector selector;
    final IntervalRecorder latencies;
    final LoopCounters counters = new LoopCounters();
    // One period at most, so that every read is checked against one contiguous window. Read by
    // range: its position stays 0 and its limit PERIOD.
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(Pattern.PERIOD);
    private final ByteBuffer expected = Pattern.newView();
    private final SplittableRandom random;
    private final ReadyHandler handler = this::onReady;
    private final long connectIntervalNanos;
    private final long sendIntervalNanos;
    private final boolean openLoop;
    private final long spinNanos;
    private final List<ClientConnection> connecting = new ArrayList<>();
    private final PriorityQueue<ClientConnection> sendSchedule =
            new PriorityQueue<>((a, b) -> Long.compare(a.nextSendAtNanos, b.nextSendAtNanos));

    private int nextToConnect;
    private long nextConnectAt;
    private volatile boolean stopping;
    private volatile long drainDeadline;

    GeneratorLoop(Scenario scenario, List<Integer> connectionIds, InetSocketAddress address, long seed)
            throws IOException {
        this.scenario = scenario;
        this.connectionIds = connectionIds;
        this.address = address;
        this.family = address.getAddress() instanceof java.net.Inet6Address ? AddressFamily.INET6 : AddressFamily.INET;
        this.random = new SplittableRandom(seed);
        this.selector = Selectors.open(scenario.backend());
        this.latencies = new IntervalRecorder(selector::wakeup);
        this.connectIntervalNanos = scenario.connectRate() > 0
                ? (long) (1e9 * scenario.threads() / scenario.connectRate()) : 0;
        this.sendIntervalNanos = scenario.rate() > 0
                ? Math.max(1, (long) (1e9 * scenario.connections() / scenario.rate())) : 0;
        this.openLoop = sendIntervalNanos > 0;
        this.spinNanos = scenario.spin().toNanos();
    }

    /** Stops sending new messages and gives the echoes owed until {@code drain} to arrive. */
    void stop(Duration drain) {
        drainDeadline = System.nanoTime() + drain.toNanos();
        stopping = true;
        selector.wakeup();
    }

    @Override
    public void run() {
        try {
            nextConnectAt = System.nanoTime();
            while (pollOnce()) {
                // pollOnce is the loop's body as a method: the JIT compiles it after a few thousand
                // calls, where a loop body waits for tens of thousands of iterations.
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("load-test: generator loop failed: " + e);
            counters.error(ErrorKind.OTHER);
        } finally {
            closeAll();
            counters.publish();
            latencies.loopEnded();
        }
    }

    /** Timers, then one select and what it found; false when the loop is done. */
    private boolean pollOnce() throws IOException {
        long now = System.nanoTime();
        if (stopping) {
            if (!anythingOwed() || now - drainDeadline >= 0) {
                return false;
            }
        } else {
            openConnections(now);
            sendDue(now);
        }
        expireConnects(now);
        // To the nanosecond where the backend allows (epoll_pwait2): a wait rounded up to whole
        // milliseconds would send up to 1 ms late, and an open loop counts lateness as latency.
        selector.selectNanos(waitNanos(now), handler);
        counters.publish();
        latencies.answer();
        return true;
    }

    private long waitNanos(long now) {
        long wait = MAX_WAIT_NANOS;
        if (!stopping && nextToConnect < connectionIds.size()) {
            wait = Math.min(wait, nextConnectAt - now);
        }
        if (!stopping && !sendSchedule.isEmpty()) {
            // The last stretch before a send is polled, not slept: a timed wait wakes tens of
            // microseconds late, and an open loop counts that lateness as latency.
            long untilSend = sendSchedule.peek().nextSendAtNanos - now;
            wait = Math.min(wait, untilSend <= spinNanos ? 0 : untilSend - spinNanos);
        }
        if (stopping) {
            wait = Math.min(wait, drainDeadline - now);
        }
        return Math.max(0, wait);
    }

    private boolean anythingOwed() {
        for (SelectorKey key : selector.getMap().values()) {
            ClientConnection connection = (ClientConnection) key.data();
            if (connection.connected && connection.inFlight() > 0) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ connecting

    private void openConnections(long now) {
        while (nextToConnect < connectionIds.size() && now - nextConnectAt >= 0) {
            connect(connectionIds.get(nextToConnect++), now);
            nextConnectAt += connectIntervalNanos;
        }
    }

    private void connect(int id, long now) {
        Socket socket = null;
        try {
            socket = new Socket(family);
            socket.setBlocking(false);
            socket.setsockopt(SocketOption.TCP_NODELAY, 1);
            int errno = socket.connectEx(address);
            ClientConnection connection = new ClientConnection(id, socket, now);
            if (errno == 0) {
                selector.register(socket, EVENT_READ, connection);
                connection.interest = EVENT_READ;
                connected(connection, now);
            } else if (errno == Errno.EINPROGRESS) {
                selector.register(socket, EVENT_WRITE, connection);
                connection.interest = EVENT_WRITE;
                connecting.add(connection);
            } else {
                counters.error(connectError(errno));
                closeQuietly(socket);
            }
        } catch (IOException e) {
            counters.error(ErrorKind.OTHER);
            if (socket != null) {
                closeQuietly(socket);
            }
        }
    }

    private static ErrorKind connectError(int errno) {
        return errno == Errno.ECONNREFUSED ? ErrorKind.REFUSED : ErrorKind.OTHER;
    }

    private void finishConnect(ClientConnection connection) {
        connecting.remove(connection);
        int error;
        try {
            error = connection.socket.getsockopt(SocketOption.SO_ERROR);
        } catch (IOException e) {
            error = e instanceof ErrnoException ? ((ErrnoException) e).errno() : -1;
        }
        if (error != 0) {
            fail(connection, connectError(error));
            return;
        }
        connected(connection, System.nanoTime());
    }

    private void connected(ClientConnection connection, long now) {
        connection.connected = true;
        counters.connectionsChanged(1);
        if (sendIntervalNanos > 0) {
            // Spread the connections' sends evenly over one interval.
            connection.nextSendAtNanos = now + (sendIntervalNanos * (connection.id % scenario.connections()))
                    / scenario.connections();
            sendSchedule.add(connection);
            setInterest(connection, EVENT_READ);
        } else if (scenario.pipeline() == 0) {
            // An idle scenario: the connection only exists.
            setInterest(connection, EVENT_READ);
        } else {
            fillPipeline(connection, now);
            flush(connection);
        }
    }

    private void expireConnects(long now) {
        for (int i = connecting.size() - 1; i >= 0; i--) {
            ClientConnection connection = connecting.get(i);
            if (now - connection.connectStartedNanos > CONNECT_TIMEOUT_NANOS) {
                connecting.remove(i);
                fail(connection, ErrorKind.CONNECT_TIMEOUT);
            }
        }
    }

    // ------------------------------------------------------------------ sending

    private void fillPipeline(ClientConnection connection, long now) {
        while (connection.inFlight() < scenario.pipeline()) {
            connection.queue(scenario.sizes().draw(random), now, now);
        }
    }

    private void sendDue(long now) {
        while (!sendSchedule.isEmpty() && now - sendSchedule.peek().nextSendAtNanos >= 0) {
            ClientConnection connection = sendSchedule.poll();
            while (now - connection.nextSendAtNanos >= 0) {
                // Latency counts from the intended time, not from when the send happened (wrk2);
                // how late it left is recorded apart.
                latencies.recordLateness(now - connection.nextSendAtNanos);
                connection.queue(scenario.sizes().draw(random), connection.nextSendAtNanos, now);
                connection.nextSendAtNanos += sendIntervalNanos;
            }
            sendSchedule.add(connection);
            flush(connection);
        }
    }

    private void flush(ClientConnection connection) {
        while (connection.hasUnsent()) {
            int length = (int) Math.min(connection.queuedEnd - connection.sentOffset, Pattern.PERIOD);
            int sent;
            try {
                sent = connection.socket.send(Pattern.source(), connection.sendIndex, length);
            } catch (BlockingIOException full) {
                sent = 0;
            } catch (IOException e) {
                fail(connection, errorKind(e));
                return;
            }
            connection.sentOffset += sent;
            connection.sendIndex = Pattern.advance(connection.sendIndex, sent);
            counters.sent(sent);
            if (sent < length) {
                break;
            }
        }
        setInterest(connection, connection.hasUnsent() ? EVENT_READ | EVENT_WRITE : EVENT_READ);
    }

    private void setInterest(ClientConnection connection, int interest) {
        if (interest != connection.interest) {
            try {
                selector.modify(connection.socket, interest, connection);
                connection.interest = interest;
            } catch (IOException e) {
                fail(connection, errorKind(e));
            }
        }
    }

    // ------------------------------------------------------------------ receiving

    private void onReady(SelectorKey key, int events) {
        ClientConnection connection = (ClientConnection) key.data();
        if (!connection.connected) {
            finishConnect(connection);
            return;
        }
        if ((events & EVENT_READ) != 0 && !receive(connection)) {
            return;
        }
        if ((events & EVENT_WRITE) != 0 && connection.hasUnsent()) {
            flush(connection);
        }
    }

    /** Reads and checks one buffer of echo; false when the connection was closed. */
    private boolean receive(ClientConnection connection) {
        int n;
        try {
            n = connection.socket.recvInto(readBuffer, 0, Pattern.PERIOD);
        } catch (BlockingIOException spurious) {
            return true;
        } catch (IOException e) {
            fail(connection, errorKind(e));
            return false;
        }
        if (n == 0) {
            fail(connection, connection.receivedOffset < connection.sentOffset || connection.inFlight() > 0
                    ? ErrorKind.SHORT_READ : ErrorKind.CLOSED);
            return false;
        }
        if (connection.receivedOffset + n > connection.sentOffset || !matchesPattern(connection, n)) {
            fail(connection, ErrorKind.MISMATCH);
            return false;
        }
        counters.received(n);
        long now = System.nanoTime();
        while (connection.oldestComplete()) {
            if (openLoop) {
                latencies.recordUncorrected(Math.max(0, now - connection.oldestSentAt()));
            }
            latencies.record(Math.max(0, now - connection.completeOldest()));
        }
        if (sendIntervalNanos == 0 && !stopping) {
            fillPipeline(connection, now);
            flush(connection);
        }
        return true;
    }

    /**
     * Compares the first {@code length} bytes of {@link #readBuffer} with the stream at the
     * connection's received offset.
     */
    private boolean matchesPattern(ClientConnection connection, int length) {
        // readBuffer always spans the whole period; a shorter expected window that matches is a
        // prefix of it, for which mismatch answers the window's length (or -1 when as long).
        int mismatch = readBuffer.mismatch(Pattern.window(expected, connection.receiveIndex, length));
        if (mismatch >= 0 && mismatch < length) {
            return false;
        }
        connection.receivedOffset += length;
        connection.receiveIndex = Pattern.advance(connection.receiveIndex, length);
        return true;
    }

    private static ErrorKind errorKind(IOException e) {
        if (e instanceof ErrnoException) {
            int errno = ((ErrnoException) e).errno();
            if (errno == Errno.ECONNRESET || errno == Errno.EPIPE) {
                return ErrorKind.RESET;
            }
        }
        return ErrorKind.OTHER;
    }

    // ------------------------------------------------------------------ closing

    private void fail(ClientConnection connection, ErrorKind kind) {
        counters.error(kind);
        close(connection);
    }

    private void close(ClientConnection connection) {
        if (selector.getMap().containsKey(connection.socket)) {
            selector.unregister(connection.socket);
        }
        sendSchedule.remove(connection);
        if (connection.connected) {
            counters.connectionsChanged(-1);
            connection.connected = false;
        }
        closeQuietly(connection.socket);
    }

    private void closeAll() {
        List<ClientConnection> open = new ArrayList<>();
        for (SelectorKey key : selector.getMap().values()) {
            open.add((ClientConnection) key.data());
        }
        for (ClientConnection connection : open) {
            for (int i = 0; i < connection.inFlight(); i++) {
                counters.error(ErrorKind.TIMEOUT);
            }
            close(connection);
        }
        selector.close();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // released anyway
        }
    }
}
