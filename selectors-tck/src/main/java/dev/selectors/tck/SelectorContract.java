package dev.selectors.tck;

import static dev.selectors.Selector.EVENT_READ;
import static dev.selectors.Selector.EVENT_WRITE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.selectors.AlreadyRegisteredException;
import dev.selectors.ErrnoException;
import dev.selectors.FileObject;
import dev.selectors.NotRegisteredException;
import dev.selectors.ReadyKey;
import dev.selectors.Selector;
import dev.selectors.SelectorClosedException;
import dev.selectors.SelectorKey;
import dev.selectors.posix.EchoExample;
import dev.selectors.posix.Errno;
import dev.selectors.posix.Pipe;
import dev.selectors.posix.Socket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every backend must honour: {@code shared/CONFORMANCE.md}, after CPython's
 * {@code Lib/test/test_selectors.py}. A backend runs it with one subclass:
 *
 * <pre>{@code
 * class MySelectorConformanceTest extends SelectorContract {
 *     protected Selector newSelector() throws IOException { return new MySelector(); }
 * }
 * }</pre>
 *
 * Tests use real file descriptors (socket pairs, pipes, loopback sockets). Timing checks use
 * generous bounds, as CPython's do "for very slow buildbots".
 */
public abstract class SelectorContract {

    /** How much later than asked a timed select may return on a loaded 2-core machine. */
    private static final long LATE_TOLERANCE_MILLIS = 1500;

    /** For a backend's test class, which extends this one and names its selector. */
    protected SelectorContract() {
    }
    /** How much earlier than asked a timed select may return (clock granularity). */
    private static final long EARLY_TOLERANCE_MILLIS = 10;

    private Resources resources;

    /**
     * Opens a new selector of the backend under test.
     *
     * @return a selector; the kit closes it
     * @throws IOException the backend could not open one
     */
    protected abstract Selector newSelector() throws IOException;

    /**
     * Whether the backend's kernel mechanism refuses a bad fd at register and modify time
     * (epoll, kqueue, event ports do; poll, select and /dev/poll only notice at select time).
     *
     * @return true when register and modify of a closed fd must fail with EBADF
     */
    protected boolean kernelChecksFdsOnRegister() {
        return false;
    }

    /**
     * Whether the backend watches fds at and above FD_SETSIZE, so that the scalability test
     * applies (every backend but select).
     *
     * @return false for a select(2)-based backend
     */
    protected boolean scalesBeyondFdSetsize() {
        return true;
    }

    /**
     * Why the backend cannot wait less than a millisecond here, or {@code null} when it can:
     * poll(2) and /dev/poll take whole milliseconds, and epoll_wait does too where the kernel
     * predates epoll_pwait2 (Linux 5.11). The kit then skips the precision test with this reason.
     *
     * @return the reason, or {@code null} for a backend whose timeouts are finer than 1 ms
     */
    protected String noSubMillisecondTimeouts() {
        return "the backend's timeouts are whole milliseconds";
    }

    @BeforeEach
    final void openResources() {
        resources = new Resources();
    }

    @AfterEach
    final void closeResources() throws Exception {
        resources.close();
    }

    private Selector selector() throws IOException {
        return resources.add(newSelector());
    }

    private Socket.Pair socketpair() throws IOException {
        return resources.add(Socket.socketpair());
    }

    private Pipe pipe() throws IOException {
        return resources.add(Pipe.open());
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    // ------------------------------------------------------------------------------ register

    @Test
    void registerReturnsKeyWithFileobjFdEventsAndData() throws IOException {
        Selector s = selector();
        Socket.Pair pair = socketpair();
        Object data = new Object();

        SelectorKey key = s.register(pair.first(), EVENT_READ, data);

        assertSame(pair.first(), key.fileobj());
        assertEquals(pair.first().fileno(), key.fd());
        assertEquals(EVENT_READ, key.events());
        assertSame(data, key.data());
        assertEquals(key, s.getKey(pair.first()));
    }

    @Test
    void registerWithoutDataGivesNullData() throws IOException {
        Selector s = selector();
        Socket.Pair pair = socketpair();

        assertNull(s.register(pair.first(), EVENT_WRITE).data());
    }

    @Test
    void registerAcceptsAnIntegerFd() throws IOException {
        Selector s = selector();
        Socket.Pair pair = socketpair();
        Integer fd = pair.first().fileno();

        SelectorKey key = s.register(fd, EVENT_READ | EVENT_WRITE);

        assertSame(fd, key.fileobj());
        assertEquals(fd, key.fd());
    }

    @Test
    void registerRejectsAnInvalidEventsMask() throws IOException {
        Selector s = selector();
        Socket.Pair pair = socketpair();

        for (int events : new int[] {0, 4, EVENT_READ | 4, -1, Integer.MIN_VALUE}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> s.register(pair.first(), events), "events " + events);
            assertTrue(e.getMessage().contains(String.valueOf(events)), e.getMessage());
        }
        assertThrows(NotRegisteredException.class, () -> s.getKey(pair.first()));
    }

    @Test
    void registerRejectsANegativeFd() throws IOException {
        Selector s = selector();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.register(-1, EVENT_READ));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.register((FileObject) () -> -5, EVENT_READ));
    }

    @Test
    void registerRejectsAnObjectWhoseFilenoFailsOrIsNotAFileObject() throws IOException {
        Selector s = selector();
        FileObject broken = () -> {
            throw new IllegalStateException("no fd");
        };

        assertThrows(IllegalArgumentException.class, () -> s.register(broken, EVENT_READ));
        assertThrows(IllegalArgumentException.class, () -> s.register("not a file", EVENT_READ));
        assertThrows(IllegalArgumentException.class, () -> s.register(null, EVENT_READ));
        assertTrue(s.getMap().isEmpty());
    }

    @Test
    void registerTwiceIsAlreadyRegistered() throws IOException {
        Selector s = selector();
        Socket.Pair pair = socketpair();
        s.register(pair.first(), EVENT_READ);

        assertThrows(AlreadyRegisteredException.class, () -> s.register(pair.first(), EVENT_READ));
        // The same fd through another object: Python's test_register_twice with the int fd.
        assertThrows(AlreadyRegisteredException.class, () -> s.register(pair.first().fileno(), EVENT_WRITE));
        assertEquals(1, s.getMap().size());
    }

    @Test
    void registerOfAClosedFdLeavesNoKeyWhenTheKernelRefusesIt() throws IOException {
        Selector s = selector();
        Socket.Pair pair = socketpair();
        int fd = pair.first().fileno();
        pair.first().close();

        if (kernelChecksFdsOnRegister()) {
            ErrnoException e = assertThrows(ErrnoException.class, () -> s.register(fd, EVENT_READ));
            assertEquals(Errno.EBADF, e.errno());
            assertEquals("EBADF", e.errnoName());
            assertThrows(NotRegisteredException.class, () -> s.getKey(fd));
            assertTrue(s.getMap().isEmpty());
        } else {
            // poll and select only see the bad fd when they wait, as in Python.
            assertEquals(fd, s.register(fd, EVENT_READ).fd());
            s.unregister(fd);
        }
    }

    // ------------------------------------------------------------------------------ unregister

    @Test
    void unregisterReturnsTheKeyAndForgetsIt() throws IOException {
        Selector s = selector();
        Socket.Pair pair = socketpair();
        SelectorKey key = s.register(pair.first(), EVENT_READ, "data");

        assertEquals(key, s.unregister(pair.first()));
        assertThrows(NotRegisteredException.class, () -> s.getKey(pair.first()));
        assertFalse(s.getMap().containsKey(pair.first()));
    }

    @Test
    void unregisterOfAnUnknownFileobjOrTwiceIsNotRegistered() throws IOException {
        Selector s = selector();
        Socket.Pair pair = socketpair();

        assertThrows(NotRegisteredException.class, () -> s.unregister(pair.first()));
        s.register(pair.first(), EVENT_READ);
        s.unregister(pair.first());
        assertThrows(NotRegisteredException.class, () -> s.unregister(pair.first()));
    }

    @Test
    void unregisterAfterTheFileobjWasClosedWorks() throws IOException {
        // CPython test_unregister_after_fd_close and _after_socket_close.
        Selector s = selector();
        Socket.Pair closedSocket = socketpair();
        Socket.Pair closedFd = socketpair();
        s.register(closedSocket.first(), EVENT_READ | EVENT_WRITE);
        int fd = closedFd.first().fileno();
        s.register(fd, EVENT_READ);

        closedSocket.first().close();
        closedFd.first().close();
        s.unregister(closedSocket.first());
        s.unregister(fd);

        Socket.Pair fresh = socketpair();
        s.register(fresh.first(), EVENT_WRITE);
        List<ReadyKey> ready = s.select(Duration.ZERO);
        assertEquals(1, ready.size());
        assertSame(fresh.first(), ready.get(0).key().fileobj());
    }

    // ------------------------------------------------------------------------------ modify

    @Test
    void modifyEventsReturnsANewKeyEqualToGetKey() throws IOException {
        Selector s = selector();
        Socket.Pair pair = socketpair();
        SelectorKey key = s.register(pair.first(), EVENT_READ);

        SelectorKey modified = s.modify(pair.first(), EVENT_WRITE);

        assertNotSame(key, modified);
        assertEquals(EVENT_WRITE, modified.events());
        assertEquals(modified, s.getKey(pair.first()));
        List<ReadyKey> ready = s.select(Duration.ZERO);
        assertEquals(List.of(new ReadyKey(modified, EVENT_WRITE)), ready);
    }

    @Test
    void modifyOfDataAloneReturnsANewKeyWithoutAKernelCall() throws IOException {
        Selector s = selector();
        Socket.Pair pair = socketpair();
        s.register(pair.first(), EVENT_READ, "old");

        // With the fd closed, any system call on it would fail: success shows there was none.
        pair.first().close();
        SelectorKey modified = s.modify(pair.first(), EVENT_READ, "new");

        assertEquals("new", modified.data());
        assertEquals(EVENT_READ, modified.events());
        assertEquals(modified, s.getKey(pair.first()));
        s.unregister(pair.first());
    }

    @Test
    void modifyWithoutDataSetsDataToNullAsPythonDoes() throws IOException {
        Selector s = selector();
        Socket.Pair pair = socketpair();
        s.register(pair.first(), EVENT_READ, "data");

        assertNull(s.modify(pair.first(), EVENT_READ).data());
        assertNull(s.getKey(pair.first()).data());
    }

    @Test
    void modifyWithNothingChangedKeepsTheKey() throws IOException {
        Selector s = selector();
        Socket.Pair pair = socketpair();
        Object data = new Object();
        SelectorKey key = s.register(pair.first(), EVENT_READ, data);

        assertSame(key, s.modify(pair.first(), EVENT_READ, data));
    }

    @Test
    void modifyOfAnUnknownFileobjIsNotRegistered() throws IOException {
        Selector s = selector();
        Socket.Pair pair = socketpair();

        assertThrows(NotRegisteredException.class, () -> s.modify(pair.first(), EVENT_READ));
    }

    @Test
    void modifyRejectsAnInvalidEventsMaskAndKeepsTheKey() throws IOException {
        Selector s = selector();
        Socket.Pair pair = socketpair();
        SelectorKey key = s.register(pair.first(), EVENT_READ);

        assertThrows(IllegalArgumentException.class, () -> s.modify(pair.first(), 0));
        assertThrows(IllegalArgumentException.class, () -> s.modify(pair.first(), 8));
        assertEquals(key, s.getKey(pair.first()));
    }

    @Test
    void modifyThatTheKernelRefusesUnregisters() throws IOException {
        // CPython bpo-30014: a failed modify must not leave a stale key behind.
        assumeTrue(kernelChecksFdsOnRegister(), "this backend makes no kernel call on modify");
        Selector s = selector();
        Socket.Pair pair = socketpair();
        int fd = pair.first().fileno();
        s.register(pair.first(), EVENT_READ);
        pair.first().close();

        ErrnoException e = assertThrows(ErrnoException.class, () -> s.modify(pair.first(), EVENT_WRITE));
        assertEquals(Errno.EBADF, e.errno());
        assertThrows(NotRegisteredException.class, () -> s.getKey(fd));
        assertTrue(s.getMap().isEmpty());
        // As in Python, a closed object that is no longer registered is an invalid file object.
        assertThrows(IllegalArgumentException.class, () -> s.getKey(pair.first()));
    }

    // ------------------------------------------------------------------------------ getKey, getMap

    @Test
    void getKeyFindsByFileobjAndByFd() throws IOException {
        Selector s = selector();
        Socket.Pair pair = socketpair();
        SelectorKey key = s.register(pair.first(), EVENT_READ);

        assertEquals(key, s.getKey(pair.first()));
        assertEquals(key, s.getKey(pair.first().fileno()));
        assertThrows(NotRegisteredException.class, () -> s.getKey(pair.second()));
    }

    @Test
    void getMapIsAReadOnlyLiveView() throws IOException {
        Selector s = selector();
        Socket.Pair pair = socketpair();
        Map<Object, SelectorKey> map = s.getMap();
        assertTrue(map.isEmpty());
        assertEquals(0, map.size());

        SelectorKey key = s.register(pair.first(), EVENT_READ, "data");

        assertEquals(1, map.size());
        assertTrue(map.containsKey(pair.first()));
        assertTrue(map.containsKey(pair.first().fileno()));
        assertFalse(map.containsKey(pair.second()));
        assertFalse(map.containsKey("not a file object"));
        assertEquals(key, map.get(pair.first()));
        assertEquals(key, map.get(pair.first().fileno()));
        assertNull(map.get(pair.second()));
        assertEquals(Set.of(pair.first().fileno()), map.keySet());
        assertEquals(List.of(key), new ArrayList<>(map.values()));

        assertThrows(UnsupportedOperationException.class, () -> map.put(pair.second(), key));
        assertThrows(UnsupportedOperationException.class, () -> map.remove(pair.first()));
        assertThrows(UnsupportedOperationException.class, () -> map.remove(pair.second()));
        assertThrows(UnsupportedOperationException.class, map::clear);
        assertThrows(UnsupportedOperationException.class, () -> map.keySet().clear());
        assertThrows(UnsupportedOperationException.class, () -> map.values().iterator().remove());
        assertEquals(1, map.size());

        s.unregister(pair.first());
        assertTrue(map.isEmpty());
        assertFalse(map.containsKey(pair.first()));
    }

    // ------------------------------------------------------------------------------ select

    @Test
    void selectReportsTheWriterOnlyWhenNothingWasSent() throws IOException {
        Selector s = selector();
        Socket.Pair pair = socketpair();
        s.register(pair.first(), EVENT_READ);
        SelectorKey writer = s.register(pair.second(), EVENT_WRITE);

        List<ReadyKey> ready = s.select(Duration.ZERO);

        assertEquals(List.of(new ReadyKey(writer, EVENT_WRITE)), ready);
    }

    @Test
    void selectReportsReadAndWriteOfOneFdInOneCall() throws IOException {
        Selector s = selector();
        Socket.Pair pair = socketpair();
        SelectorKey key = s.register(pair.first(), EVENT_READ | EVENT_WRITE);
        pair.second().sendall("x".getBytes(StandardCharsets.US_ASCII));

        List<ReadyKey> ready = s.select(Duration.ofSeconds(5));

        int seen = 0;
        for (ReadyKey entry : ready) {
            assertEquals(key, entry.key());
            assertEquals(0, seen & entry.events(), "an event was reported twice: " + ready);
            seen |= entry.events();
        }
        assertEquals(EVENT_READ | EVENT_WRITE, seen, ready.toString());
        assertTrue(ready.size() <= 2, ready.toString());
    }

    @Test
    void selectReportsOnlyRegisteredKeysWithASubsetOfTheirEvents() throws IOException {
        Selector s = selector();
        Socket.Pair a = socketpair();
        Socket.Pair b = socketpair();
        Map<Object, SelectorKey> keys = new HashMap<>();
        for (Socket socket : List.of(a.first(), a.second(), b.first(), b.second())) {
            keys.put(socket, s.register(socket, EVENT_READ));
        }
        a.first().sendall(new byte[] {1});
        b.second().sendall(new byte[] {2});
        // Unregistered and written to: must never be reported.
        Socket.Pair c = socketpair();
        c.first().sendall(new byte[] {3});

        Set<Object> readyObjects = new HashSet<>();
        long start = System.nanoTime();
        while (readyObjects.size() < 2 && millisSince(start) < 5000) {
            for (ReadyKey entry : s.select(Duration.ofSeconds(1))) {
                assertEquals(keys.get(entry.key().fileobj()), entry.key());
                assertTrue(entry.events() != 0 && (entry.events() & ~entry.key().events()) == 0, entry.toString());
                readyObjects.add(entry.key().fileobj());
            }
        }
        assertEquals(Set.of(a.second(), b.first()), readyObjects);
    }

    @Test
    void selectWithZeroOrNegativeTimeoutReturnsAtOnce() throws IOException {
        Selector s = selector();
        Socket.Pair pair = socketpair();
        s.register(pair.first(), EVENT_READ);

        long start = System.nanoTime();
        assertTrue(s.select(Duration.ZERO).isEmpty());
        assertTrue(s.select(Duration.ofSeconds(-1)).isEmpty());
        assertTrue(millisSince(start) < LATE_TOLERANCE_MILLIS);
    }

    @Test
    void selectWithTimeoutWaitsAboutThatLong() throws IOException {
        // CPython test_timeout.
        Selector s = selector();
        Socket.Pair pair = socketpair();
        s.register(pair.first(), EVENT_READ);

        long start = System.nanoTime();
        assertTrue(s.select(Duration.ofMillis(300)).isEmpty());
        long elapsed = millisSince(start);

        assertTrue(elapsed >= 300 - EARLY_TOLERANCE_MILLIS, "returned after " + elapsed + " ms");
        assertTrue(elapsed < 300 + LATE_TOLERANCE_MILLIS, "returned after " + elapsed + " ms");
    }

    @Test
    void selectRoundsSubMillisecondTimeoutsUp() throws IOException {
        // bpo-20311: a timeout below the clock's resolution must not become a busy loop.
        Selector s = selector();
        Socket.Pair pair = socketpair();
        s.register(pair.first(), EVENT_READ);

        for (long nanos : new long[] {1, 1_000, 100_000, 999_999}) {
            long start = System.nanoTime();
            assertTrue(s.select(Duration.ofNanos(nanos)).isEmpty());
            long elapsed = System.nanoTime() - start;
            assertTrue(elapsed >= nanos, nanos + " ns timeout returned after " + elapsed + " ns");
        }
    }

    @Test
    void aSubMillisecondTimeoutIsNeverCutShort() throws IOException {
        Selector s = selector();
        Socket.Pair pair = socketpair();
        s.register(pair.first(), EVENT_READ);
        int[] handled = new int[1];

        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            assertTrue(s.select(Duration.ofNanos(300_000)).isEmpty());
            long viaDuration = System.nanoTime() - start;
            start = System.nanoTime();
            assertEquals(0, s.selectNanos(300_000, (key, events) -> handled[0]++));
            long viaNanos = System.nanoTime() - start;
            assertTrue(viaDuration >= 300_000, "a 300 us timeout returned after " + viaDuration + " ns");
            assertTrue(viaNanos >= 300_000, "selectNanos(300 us) returned after " + viaNanos + " ns");
        }
        assertEquals(0, handled[0]);
    }

    @Test
    void aSubMillisecondTimeoutWaitsLessThanAMillisecond() throws IOException {
        String why = noSubMillisecondTimeouts();
        assumeTrue(why == null, why);
        Selector s = selector();
        Socket.Pair pair = socketpair();
        s.register(pair.first(), EVENT_READ);
        int[] handled = new int[1];
        // The median of many waits: one wait can always be late on a loaded machine.
        long[] elapsed = new long[41];
        for (int i = 0; i < elapsed.length; i++) {
            long start = System.nanoTime();
            s.selectNanos(300_000, (key, events) -> handled[0]++);
            elapsed[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(elapsed);
        long median = elapsed[elapsed.length / 2];
        assertTrue(median >= 300_000 && median < 1_000_000, "a 300 us timeout: median wait " + median + " ns");
    }

    @Test
    void selectNanosPollsOnZeroOrNegative() throws IOException {
        Selector s = selector();
        Socket.Pair pair = socketpair();
        s.register(pair.first(), EVENT_READ | EVENT_WRITE);
        List<Object> ready = new ArrayList<>();

        long start = System.nanoTime();
        assertEquals(1, s.selectNanos(0, (key, events) -> ready.add(key.fileobj())));
        assertEquals(1, s.selectNanos(-5, (key, events) -> ready.add(key.fileobj())));
        s.modify(pair.first(), EVENT_READ);
        assertEquals(0, s.selectNanos(Long.MIN_VALUE, (key, events) -> ready.add(key.fileobj())));
        assertTrue(millisSince(start) < LATE_TOLERANCE_MILLIS);
        assertEquals(List.of(pair.first(), pair.first()), ready);
    }

    @Test
    void selectWithNothingRegisteredStillHonoursTheTimeout() throws IOException {
        // CPython test_empty_select and test_empty_select_timeout.
        Selector s = selector();

        assertTrue(s.select(Duration.ZERO).isEmpty());
        long start = System.nanoTime();
        assertTrue(s.select(Duration.ofMillis(200)).isEmpty());
        long elapsed = millisSince(start);
        assertTrue(elapsed >= 200 - EARLY_TOLERANCE_MILLIS, "returned after " + elapsed + " ms");
    }

    @Test
    void selectWithoutTimeoutBlocksUntilReady() throws Exception {
        Selector s = selector();
        Socket.Pair pair = socketpair();
        SelectorKey reader = s.register(pair.first(), EVENT_READ);
        Thread sender = new Thread(() -> {
            try {
                Thread.sleep(200);
                pair.second().sendall(new byte[] {42});
            } catch (InterruptedException | IOException e) {
                throw new IllegalStateException(e);
            }
        });
        sender.start();

        long start = System.nanoTime();
        List<ReadyKey> ready = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> s.select());
        sender.join();

        assertEquals(List.of(new ReadyKey(reader, EVENT_READ)), ready);
        assertTrue(millisSince(start) >= 150, "did not block");
    }

    @Test
    void aPeerThatClosedMakesAReaderReady() throws IOException {
        Selector s = selector();
        Socket.Pair pair = socketpair();
        SelectorKey reader = s.register(pair.first(), EVENT_READ);
        pair.second().close();

        List<ReadyKey> ready = s.select(Duration.ofSeconds(5));

        assertEquals(List.of(new ReadyKey(reader, EVENT_READ)), ready);
        assertEquals(0, pair.first().recv(10).length);
    }

    @Test
    void anErrorOnTheFdMakesAWriterReady() throws IOException {
        // A pipe whose read end closed: writing would fail with EPIPE, so the writer is "ready".
        Selector s = selector();
        Pipe p = pipe();
        SelectorKey writer = s.register(p.writeEnd(), EVENT_WRITE);
        // Fill the pipe, so that only the error, not free space, can make it ready.
        p.writeEnd().setBlocking(false);
        fill(p);
        assertTrue(s.select(Duration.ZERO).isEmpty(), "a full pipe must not be writable");
        p.readEnd().close();

        List<ReadyKey> ready = s.select(Duration.ofSeconds(5));

        assertEquals(List.of(new ReadyKey(writer, EVENT_WRITE)), ready);
    }

    private static void fill(Pipe p) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocateDirect(65536);
        for (;;) {
            chunk.clear();
            try {
                p.writeEnd().write(chunk);
            } catch (ErrnoException e) {
                if (e.errno() == Errno.EAGAIN) {
                    return;
                }
                throw e;
            }
        }
    }

    @Test
    void aSignalDuringTheWaitIsRetriedWithTheRemainingTime() throws Exception {
        // PEP 475; CPython test_select_interrupt_noraise.
        assumeTrue(Signals.supported(), "thread-directed signals are tested on Linux only");
        Selector s = selector();
        Socket.Pair pair = socketpair();
        s.register(pair.first(), EVENT_READ);
        Signals.installNoOpHandler();
        AtomicInteger tid = new AtomicInteger();
        AtomicReference<Object> outcome = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            tid.set(Signals.currentThreadId());
            started.countDown();
            long start = System.nanoTime();
            try {
                List<ReadyKey> ready = s.select(Duration.ofMillis(1500));
                outcome.set(ready.isEmpty() ? millisSince(start) : ready);
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        waiter.start();
        started.await();
        Thread.sleep(300);
        Signals.signalThread(tid.get());
        waiter.join(10_000);

        assertFalse(waiter.isAlive());
        assertTrue(outcome.get() instanceof Long, "select did not time out quietly: " + outcome.get());
        long elapsed = (Long) outcome.get();
        assertTrue(elapsed >= 1500 - EARLY_TOLERANCE_MILLIS, "returned early after " + elapsed + " ms");
    }

    @Test
    void manySocketPairsExchangeMessagesIntact() throws IOException {
        // CPython test_selector: 12 pairs, messages written by ready writers chosen at random.
        Selector s = selector();
        int pairs = 12;
        Map<Socket, Socket> readerOfWriter = new HashMap<>();
        Map<Socket, byte[]> expected = new HashMap<>();
        for (int i = 0; i < pairs; i++) {
            Socket.Pair pair = socketpair();
            s.register(pair.first(), EVENT_READ);
            s.register(pair.second(), EVENT_WRITE);
            readerOfWriter.put(pair.second(), pair.first());
        }
        Random random = new Random(20311);
        Map<Socket, byte[]> received = new HashMap<>();
        long start = System.nanoTime();
        while (received.size() < pairs && millisSince(start) < 10_000) {
            List<ReadyKey> ready = s.select(Duration.ofSeconds(1));
            List<Socket> writers = new ArrayList<>();
            for (ReadyKey entry : ready) {
                Socket socket = (Socket) entry.key().fileobj();
                if ((entry.events() & EVENT_READ) != 0) {
                    byte[] message = socket.recv(1024);
                    assertFalse(received.containsKey(socket), "a reader got two messages");
                    received.put(socket, message);
                    s.unregister(socket);
                }
                if ((entry.events() & EVENT_WRITE) != 0) {
                    writers.add(socket);
                }
            }
            if (!writers.isEmpty()) {
                Socket writer = writers.get(random.nextInt(writers.size()));
                byte[] message = ("message from fd " + writer.fileno() + " #" + random.nextInt())
                        .getBytes(StandardCharsets.US_ASCII);
                writer.sendall(message);
                expected.put(readerOfWriter.get(writer), message);
                s.unregister(writer);
            }
        }
        assertEquals(pairs, received.size());
        for (Map.Entry<Socket, byte[]> entry : expected.entrySet()) {
            assertArrayEquals(entry.getValue(), received.get(entry.getKey()));
        }
    }

    @Test
    void oneSelectSeesEveryReadyFdWhenAsManyFdsAsTheProcessMayOpenAreRegistered() throws IOException {
        // CPython test_above_fd_setsize (ScalableSelectorMixIn): raise the soft RLIMIT_NOFILE
        // to the hard limit, register as many socket pairs as fit, all writable at once.
        assumeTrue(scalesBeyondFdSetsize(), "select(2) is limited to FD_SETSIZE");
        long limit = FdLimits.raiseSoftLimitToHard();
        int open = FdLimits.openFds();
        assumeTrue(open >= 0, "cannot count open fds here");
        // Leave room for the selector's own fds and whatever the JVM opens meanwhile.
        int pairs = (int) ((limit - open - 64) / 2);
        assumeTrue(pairs > 0, "no fds left to test with (limit " + limit + ", open " + open + ")");
        Selector s = selector();
        Set<Object> writers = new HashSet<>();
        for (int i = 0; i < pairs; i++) {
            Socket.Pair pair = socketpair();
            s.register(pair.first(), EVENT_READ);
            s.register(pair.second(), EVENT_WRITE);
            writers.add(pair.second());
        }
        assertTrue(2 * pairs > 1024, "the test must go past FD_SETSIZE; the fd limit is " + limit);

        List<ReadyKey> ready = s.select(Duration.ofSeconds(10));

        assertEquals(pairs, ready.size());
        for (ReadyKey entry : ready) {
            assertTrue(writers.remove(entry.key().fileobj()), "reported twice or not a writer: " + entry);
            assertEquals(EVENT_WRITE, entry.events());
        }
        assertTrue(writers.isEmpty());
    }

    @Test
    void aHandlerMayUnregisterAKeyNotYetDispatched() throws IOException {
        Selector s = selector();
        Socket.Pair pair = socketpair();
        s.register(pair.first(), EVENT_WRITE);
        s.register(pair.second(), EVENT_WRITE);
        List<Object> dispatched = new ArrayList<>();

        int count = s.select(Duration.ZERO, (key, events) -> {
            dispatched.add(key.fileobj());
            Socket other = key.fileobj() == pair.first() ? pair.second() : pair.first();
            s.unregister(other);
        });

        assertEquals(1, count);
        assertEquals(1, dispatched.size());
    }

    // ------------------------------------------------------------------------------ close

    @Test
    void closeFreesTheSelectorAndIsIdempotent() throws IOException {
        Selector s = newSelector();
        Socket.Pair pair = socketpair();
        s.register(pair.first(), EVENT_READ);
        Map<Object, SelectorKey> map = s.getMap();

        s.close();

        assertThrows(SelectorClosedException.class, () -> s.getKey(pair.first()));
        assertThrows(SelectorClosedException.class, () -> s.register(pair.second(), EVENT_READ));
        assertThrows(SelectorClosedException.class, () -> s.select(Duration.ZERO));
        assertThrows(SelectorClosedException.class, s::getMap);
        assertNull(map.get(pair.first()));
        assertTrue(map.isEmpty());
        s.close();
        s.wakeup();
    }

    @Test
    void tryWithResourcesClosesTheSelector() throws IOException {
        Socket.Pair pair = socketpair();
        Selector escaped;
        try (Selector s = newSelector()) {
            s.register(pair.first(), EVENT_READ);
            escaped = s;
        }
        assertThrows(SelectorClosedException.class, () -> escaped.getKey(pair.first()));
    }

    @Test
    void closeReleasesTheSelectorsFileDescriptors() throws IOException {
        // Opening and closing many selectors must not run the process out of fds.
        for (int i = 0; i < 2000; i++) {
            newSelector().close();
        }
        Socket.Pair pair = socketpair();
        assertNotNull(pair);
    }

    // ------------------------------------------------------------------------------ wakeup

    @Test
    void wakeupFromAnotherThreadEndsABlockedSelect() throws Exception {
        Selector s = selector();
        Socket.Pair pair = socketpair();
        s.register(pair.first(), EVENT_READ);
        Thread waker = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            s.wakeup();
        });
        waker.start();

        long start = System.nanoTime();
        List<ReadyKey> ready = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> s.select());
        waker.join();

        assertTrue(ready.isEmpty());
        assertTrue(millisSince(start) >= 150, "returned before the wakeup");
    }

    @Test
    void wakeupBeforeSelectMakesTheNextSelectReturnAtOnceAndOnlyThat() throws IOException {
        Selector s = selector();
        Socket.Pair pair = socketpair();
        s.register(pair.first(), EVENT_READ);

        s.wakeup();
        s.wakeup();
        long start = System.nanoTime();
        assertTrue(s.select(Duration.ofSeconds(10)).isEmpty());
        assertTrue(millisSince(start) < LATE_TOLERANCE_MILLIS, "the wakeup was lost");

        start = System.nanoTime();
        assertTrue(s.select(Duration.ofMillis(200)).isEmpty());
        assertTrue(millisSince(start) >= 200 - EARLY_TOLERANCE_MILLIS, "a consumed wakeup fired again");
    }

    // ------------------------------------------------------------------------------ the example

    @Test
    void theDocumentedEchoExampleEchoesOverLoopback() throws Exception {
        Selector sel = selector();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        EchoExample example = resources.add(new EchoExample(sel, "localhost", 0,
                new PrintStream(printed, true, StandardCharsets.UTF_8)));
        Socket client = resources.add(new Socket());
        client.connect("127.0.0.1", example.port());

        for (String message : List.of("hello", "selectors for the JVM", "x")) {
            client.sendall(message.getBytes(StandardCharsets.UTF_8));
            byte[] echoed = new byte[0];
            long start = System.nanoTime();
            while (echoed.length < message.length() && millisSince(start) < 5000) {
                example.runOnce(Duration.ofMillis(100));
                client.setBlocking(false);
                try {
                    byte[] part = client.recv(1000);
                    byte[] joined = new byte[echoed.length + part.length];
                    System.arraycopy(echoed, 0, joined, 0, echoed.length);
                    System.arraycopy(part, 0, joined, echoed.length, part.length);
                    echoed = joined;
                } catch (ErrnoException notYet) {
                    assertEquals(Errno.EAGAIN, notYet.errno());
                }
            }
            assertEquals(message, new String(echoed, StandardCharsets.UTF_8));
        }
        client.close();
        long start = System.nanoTime();
        while (sel.getMap().size() > 1 && millisSince(start) < 5000) {
            example.runOnce(Duration.ofMillis(100));
        }

        String output = printed.toString(StandardCharsets.UTF_8);
        assertEquals(1, sel.getMap().size(), "the closed connection is still registered");
        assertTrue(output.startsWith("accepted <socket.socket fd="), output);
        assertTrue(output.contains("echoing b'hello' to <socket.socket fd="), output);
        assertTrue(output.contains("closing <socket.socket fd="), output);
    }
}
