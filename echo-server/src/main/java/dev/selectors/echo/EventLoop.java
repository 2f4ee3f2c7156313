package dev.selectors.echo;

import static dev.selectors.Selector.EVENT_READ;
import static dev.selectors.Selector.EVENT_WRITE;

import dev.selectors.ErrnoException;
import dev.selectors.ReadyHandler;
import dev.selectors.Selector;
import dev.selectors.SelectorKey;
import dev.selectors.echo.LoopStats.Counter;
import dev.selectors.posix.BlockingIOException;
import dev.selectors.posix.Errno;
import dev.selectors.posix.Socket;
import dev.selectors.posix.SocketOption;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One thread of the production echo server: a selector, the connections it serves, and
 * either a listening socket of its own (the loops share the port through SO_REUSEPORT) or, when
 * one loop accepts for all, an inbox of connections handed to it.
 *
 * <p>The example's shape, made safe: a read goes into one reused direct buffer and is sent
 * straight back; what the peer cannot take yet waits in pooled chunks, WRITE interest is added
 * through {@code modify}, and reading stops while more than {@code maxPendingBytes} wait
 * (resuming below half of it). EOF after data echoes everything, then closes. Per message the
 * loop makes one recv and one send (plus a share of one select) and allocates nothing.
 */
final class EventLoop implements Runnable {

    /** The key data of the listening socket; connections carry their {@link Connection}. */
    private static final Object ACCEPTOR = new Object();
    private static final int ACCEPTS_PER_WAKEUP = 64;
    private static final long MIN_ACCEPT_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long MAX_ACCEPT_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ServerConfig config;
    private final Selector selector;
    private final Socket listener;
    /** Connections accepted by another loop for this one; registered by this loop's thread. */
    private final Queue<Socket> inbox = new ConcurrentLinkedQueue<>();
    /** The loops this one accepts for, itself included; empty when it accepts only for itself. */
    private List<EventLoop> acceptingFor = List.of();
    private int nextLoop;
    private volatile boolean closed;
    private final AtomicInteger activeConnections;
    private final PrintStream log;
    private final ByteBuffer readBuffer;
    private final ChunkPool pool;
    private final long idleTimeoutNanos;
    private final int resumeReadingBelow;
    private final ReadyHandler handler = this::onReady;
    final LoopStats stats = new LoopStats();
    private final EchoMetrics.LoopMeters meters;

    private volatile boolean stopping;
    /**
     * Bumped by any thread that asks this loop something (drain, ping, the test-only wedge): the
     * loop reads this one volatile per turn and looks at the requests only when it changed.
     */
    private final AtomicLong requests = new AtomicLong();
    private long requestsSeen;
    private volatile boolean drainRequested;
    private volatile long drainDeadlineNanos;
    private volatile long pingsAnswered;
    private volatile long wedgeNanos;
    private boolean draining;
    private long acceptResumeAt;
    private long acceptBackoffNanos = MIN_ACCEPT_BACKOFF_NANOS;
    private long nextIdleScanAt;

    /**
     * @param listener the listening socket this loop accepts from, or {@code null} for a loop
     *                 that only serves connections handed to it
     */
    EventLoop(ServerConfig config, Selector selector, Socket listener, AtomicInteger activeConnections,
              EchoMetrics.LoopMeters meters, PrintStream log) throws IOException {
        this.config = config;
        this.selector = selector;
        this.listener = listener;
        this.activeConnections = activeConnections;
        this.meters = meters;
        this.log = log;
        this.readBuffer = ByteBuffer.allocateDirect(config.bufferSize());
        this.pool = new ChunkPool(config.bufferSize(), 256);
        this.idleTimeoutNanos = config.idleTimeout() == null ? 0 : config.idleTimeout().toNanos();
        this.resumeReadingBelow = Math.max(1, config.maxPendingBytes() / 2);
        if (listener != null) {
            selector.register(listener, EVENT_READ, ACCEPTOR);
        }
        if (idleTimeoutNanos > 0) {
            nextIdleScanAt = System.nanoTime() + idleScanPeriod();
        }
    }

    private long idleScanPeriod() {
        return Math.max(TimeUnit.MILLISECONDS.toNanos(50), idleTimeoutNanos / 4);
    }

    /**
     * Makes this loop (which has the listening socket) hand the connections it accepts to
     * {@code loops} in turn.
     */
    void acceptFor(List<EventLoop> loops) {
        this.acceptingFor = List.copyOf(loops);
    }

    /** Gives this loop a connection accepted by another; from the accepting loop's thread. */
    private void handOff(Socket socket) {
        inbox.add(socket);
        if (closed) {
            // This loop already ended: nobody else will take the connection.
            closeInbox();
        } else {
            selector.wakeup();
        }
    }

    /** Ends {@link #run()} soon, from any thread. */
    void stop() {
        stopping = true;
        selector.wakeup();
    }

    /**
     * Drains, from any thread: stop accepting, echo nothing new, finish sending what was already
     * received, then shut each connection's write side (the peer reads EOF, not a reset) and
     * close it when the peer closes; the loop ends when no connection is left, or at
     * {@code deadlineNanos} (a {@link System#nanoTime()}), closing whatever remains.
     */
    void drain(long deadlineNanos) {
        drainDeadlineNanos = deadlineNanos;
        drainRequested = true;
        request();
    }

    /**
     * Asks the loop to show it is turning, from any thread.
     *
     * @return the number to wait for with {@link #answered(long)}
     */
    long ping() {
        return request();
    }

    /**
     * @return whether the loop has turned since {@link #ping()} returned {@code ping}
     */
    boolean answered(long ping) {
        return pingsAnswered >= ping;
    }

    /** Test only: the loop blocks for {@code duration} at its next turn, as a wedged loop would. */
    void wedgeForTest(Duration duration) {
        wedgeNanos = duration.toNanos();
        request();
    }

    private long request() {
        long request = requests.incrementAndGet();
        selector.wakeup();
        return request;
    }

    /** The loop's side of {@link #requests}: what changed since the last turn. */
    private void answerRequests() throws IOException {
        long request = requests.get();
        requestsSeen = request;
        long wedge = wedgeNanos;
        if (wedge > 0) {
            wedgeNanos = 0;
            LockSupport.parkNanos(wedge);
        }
        if (drainRequested && !draining) {
            startDraining();
        }
        pingsAnswered = request;
    }

    @Override
    public void run() {
        try {
            while (!stopping) {
                pollOnce();
            }
        } catch (IOException | RuntimeException e) {
            log.println("echo-server: event loop " + Thread.currentThread().getName() + " failed: " + e);
        } finally {
            closeEverything();
        }
    }

    /**
     * One select and what it found. A method of its own, not the body of {@link #run()}'s loop:
     * the JIT compiles a method after a few thousand calls, a loop body only after tens of
     * thousands of iterations (on-stack replacement), and only this part is hot.
     */
    private void pollOnce() throws IOException {
        // The clock is read only when something needs it: no timer, no meters, no System.nanoTime().
        long waitNanos = hasTimers() ? nanosToNextTimer(System.nanoTime()) : -1;
        long start = meters == null ? 0 : System.nanoTime();
        int ready = waitNanos < 0 ? selector.select(null, handler) : selector.selectNanos(waitNanos, handler);
        stats.selected();
        if (meters != null) {
            meters.selected(ready, System.nanoTime() - start);
        }
        if (!inbox.isEmpty()) {
            adoptHandedOff();
        }
        if (requests.get() != requestsSeen) {
            answerRequests();
        }
        if (hasTimers()) {
            runTimers(System.nanoTime());
        }
        if (draining && connectionCount() == 0) {
            stopping = true;
        }
    }

    private boolean hasTimers() {
        return acceptResumeAt != 0 || idleTimeoutNanos > 0 || draining;
    }

    private void onReady(SelectorKey key, int events) {
        Object data = key.data();
        if (data == ACCEPTOR) {
            acceptSome();
            return;
        }
        Connection connection = (Connection) data;
        if ((events & EVENT_WRITE) != 0 && !flush(connection)) {
            return;
        }
        if ((events & EVENT_READ) != 0) {
            readOnce(connection);
        }
    }

    // ------------------------------------------------------------------ connections

    private void readOnce(Connection connection) {
        readBuffer.clear();
        int n;
        try {
            n = connection.socket.recvInto(readBuffer);
        } catch (BlockingIOException spurious) {
            return;
        } catch (IOException e) {
            abort(connection, e);
            return;
        }
        if (draining && n > 0) {
            // Read and dropped: closing with unread bytes would reset the connection.
            return;
        }
        if (n == 0) {
            connection.eofReceived = true;
            if (connection.pendingBytes() == 0) {
                close(connection);
            } else {
                updateInterest(connection);
            }
            return;
        }
        if (idleTimeoutNanos > 0) {
            connection.lastActivityNanos = System.nanoTime();
        }
        stats.bytesIn(n);
        readBuffer.flip();
        if (connection.pendingBytes() == 0 && sendSome(connection, readBuffer) < 0) {
            return;
        }
        if (readBuffer.hasRemaining()) {
            int before = connection.pendingBytes();
            connection.enqueue(readBuffer, pool);
            stats.add(Counter.PENDING_BYTES, connection.pendingBytes() - before);
        }
        updateInterest(connection);
    }

    /** Sends what the socket takes now; -1 when the connection failed and was closed. */
    private int sendSome(Connection connection, ByteBuffer source) {
        int sent;
        try {
            sent = connection.socket.send(source);
        } catch (BlockingIOException full) {
            return 0;
        } catch (IOException e) {
            abort(connection, e);
            return -1;
        }
        stats.bytesOut(sent);
        return sent;
    }

    /** Sends pending bytes; false when the connection was closed. */
    private boolean flush(Connection connection) {
        for (ByteBuffer head = connection.head(); head != null; head = connection.head()) {
            int sent = sendSome(connection, head);
            if (sent < 0) {
                return false;
            }
            boolean drained = !head.hasRemaining();
            connection.sent(sent, pool);
            stats.add(Counter.PENDING_BYTES, -sent);
            if (!drained) {
                break;
            }
        }
        if (connection.pendingBytes() == 0 && connection.eofReceived) {
            close(connection);
            return false;
        }
        if (draining && connection.pendingBytes() == 0 && !shutDownWriting(connection)) {
            return false;
        }
        updateInterest(connection);
        return true;
    }

    private void updateInterest(Connection connection) {
        int pending = connection.pendingBytes();
        int wanted = pending > 0 ? EVENT_WRITE : 0;
        if (draining) {
            // Whatever arrives is read and dropped until the peer closes.
            wanted |= connection.eofReceived ? 0 : EVENT_READ;
        } else if (!connection.eofReceived) {
            boolean paused = (connection.interest & EVENT_READ) == 0;
            int limit = paused ? resumeReadingBelow : config.maxPendingBytes();
            if (pending < limit) {
                wanted |= EVENT_READ;
            }
        }
        if (wanted != connection.interest) {
            try {
                selector.modify(connection.socket, wanted, connection);
                connection.interest = wanted;
            } catch (IOException e) {
                abort(connection, e);
            }
        }
    }

    private void abort(Connection connection, IOException cause) {
        if (cause instanceof ErrnoException) {
            stats.count(Counter.RESETS);
        } else {
            log.println("echo-server: closing " + connection.socket + ": " + cause);
        }
        close(connection);
    }

    private void close(Connection connection) {
        stats.add(Counter.PENDING_BYTES, -connection.pendingBytes());
        connection.release(pool);
        if (selector.getMap().containsKey(connection.socket)) {
            selector.unregister(connection.socket);
        }
        closeQuietly(connection.socket);
        activeConnections.decrementAndGet();
        stats.count(Counter.CLOSED);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the fd is released even when close reports an error
        }
    }

    // ------------------------------------------------------------------ accepting

    private void acceptSome() {
        for (int i = 0; i < ACCEPTS_PER_WAKEUP && !stopping; i++) {
            Socket.Accepted accepted;
            try {
                accepted = listener.accept();
            } catch (BlockingIOException none) {
                return;
            } catch (ErrnoException e) {
                if (e.errno() == Errno.ECONNABORTED) {
                    continue;
                }
                if (e.errno() != Errno.EMFILE && e.errno() != Errno.ENFILE
                        && e.errno() != Errno.ENOBUFS && e.errno() != Errno.ENOMEM) {
                    log.println("echo-server: accept failed: " + e.getMessage());
                }
                pauseAccepting();
                return;
            } catch (IOException e) {
                log.println("echo-server: accept failed: " + e);
                pauseAccepting();
                return;
            }
            acceptBackoffNanos = MIN_ACCEPT_BACKOFF_NANOS;
            Socket socket = accepted.socket();
            if (activeConnections.incrementAndGet() > config.maxConnections()) {
                activeConnections.decrementAndGet();
                stats.count(Counter.REFUSED);
                closeQuietly(socket);
                continue;
            }
            EventLoop owner = this;
            if (!acceptingFor.isEmpty()) {
                owner = acceptingFor.get(nextLoop);
                nextLoop = (nextLoop + 1) % acceptingFor.size();
            }
            if (owner == this) {
                adopt(socket);
            } else {
                owner.handOff(socket);
            }
        }
    }

    /** Serves a connection accepted for this loop (counted in activeConnections already). */
    private void adopt(Socket socket) {
        try {
            socket.setBlocking(false);
            socket.setsockopt(SocketOption.TCP_NODELAY, 1);
            selector.register(socket, EVENT_READ, new Connection(socket, EVENT_READ, System.nanoTime()));
            stats.count(Counter.ACCEPTED);
        } catch (IOException | RuntimeException e) {
            activeConnections.decrementAndGet();
            closeQuietly(socket);
        }
    }

    private void adoptHandedOff() {
        if (stopping || draining) {
            closeInbox();
            return;
        }
        for (Socket socket = inbox.poll(); socket != null; socket = inbox.poll()) {
            adopt(socket);
        }
    }

    private void closeInbox() {
        for (Socket socket = inbox.poll(); socket != null; socket = inbox.poll()) {
            activeConnections.decrementAndGet();
            closeQuietly(socket);
        }
    }

    /**
     * Out of fds (EMFILE/ENFILE) or memory: stop watching the listener for a while, so the
     * loop neither spins on a readable listener nor drops established connections.
     */
    private void pauseAccepting() {
        stats.count(Counter.ACCEPT_BACKOFFS);
        if (selector.getMap().containsKey(listener)) {
            selector.unregister(listener);
        }
        acceptResumeAt = System.nanoTime() + acceptBackoffNanos;
        acceptBackoffNanos = Math.min(acceptBackoffNanos * 2, MAX_ACCEPT_BACKOFF_NANOS);
    }

    // ------------------------------------------------------------------ timers

    private long nanosToNextTimer(long now) {
        long next = Long.MAX_VALUE;
        if (acceptResumeAt != 0) {
            next = Math.min(next, acceptResumeAt);
        }
        if (idleTimeoutNanos > 0) {
            next = Math.min(next, nextIdleScanAt);
        }
        if (draining) {
            next = Math.min(next, drainDeadlineNanos);
        }
        return next == Long.MAX_VALUE ? -1 : Math.max(0, next - now);
    }

    private void runTimers(long now) throws IOException {
        if (acceptResumeAt != 0 && now - acceptResumeAt >= 0 && !stopping) {
            acceptResumeAt = 0;
            selector.register(listener, EVENT_READ, ACCEPTOR);
        }
        if (idleTimeoutNanos > 0 && now - nextIdleScanAt >= 0) {
            nextIdleScanAt = now + idleScanPeriod();
            closeIdleConnections(now);
        }
        if (draining && now - drainDeadlineNanos >= 0) {
            // The drain timeout: what is left (a peer that never reads) is closed as it is.
            stopping = true;
        }
    }

    // ------------------------------------------------------------------ draining

    private void startDraining() {
        draining = true;
        acceptResumeAt = 0;
        if (listener != null) {
            if (selector.getMap().containsKey(listener)) {
                selector.unregister(listener);
            }
            closeQuietly(listener);
        }
        closeInbox();
        for (Connection connection : connections()) {
            if (connection.pendingBytes() == 0) {
                if (!shutDownWriting(connection)) {
                    continue;
                }
            }
            updateInterest(connection);
        }
    }

    /** Everything received is echoed: the peer reads EOF. False when the connection failed and was closed. */
    private boolean shutDownWriting(Connection connection) {
        if (connection.writeShut) {
            return true;
        }
        try {
            connection.socket.shutdown(Socket.SHUT_WR);
            connection.writeShut = true;
            return true;
        } catch (IOException e) {
            abort(connection, e);
            return false;
        }
    }

    /** While draining: the listener is gone, so every key is a connection. */
    private int connectionCount() {
        return selector.getMap().size();
    }

    private List<Connection> connections() {
        List<Connection> open = new ArrayList<>();
        for (SelectorKey key : selector.getMap().values()) {
            if (key.data() instanceof Connection) {
                open.add((Connection) key.data());
            }
        }
        return open;
    }

    private void closeIdleConnections(long now) {
        List<Connection> idle = new ArrayList<>();
        for (SelectorKey key : selector.getMap().values()) {
            if (key.data() instanceof Connection) {
                Connection connection = (Connection) key.data();
                if (now - connection.lastActivityNanos > idleTimeoutNanos) {
                    idle.add(connection);
                }
            }
        }
        for (Connection connection : idle) {
            stats.count(Counter.IDLE_CLOSED);
            close(connection);
        }
    }

    private void closeEverything() {
        for (Connection connection : connections()) {
            close(connection);
        }
        closed = true;
        closeInbox();
        if (listener != null && !draining) {
            closeQuietly(listener);
        }
        selector.close();
    }
}
