package dev.selectors.spi;

import dev.selectors.AlreadyRegisteredException;
import dev.selectors.FileObject;
import dev.selectors.NotRegisteredException;
import dev.selectors.ReadyHandler;
import dev.selectors.ReadyKey;
import dev.selectors.Selector;
import dev.selectors.SelectorClosedException;
import dev.selectors.SelectorKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The bookkeeping every backend shares: the Java twin of Python's {@code _BaseSelectorImpl}.
 *
 * <p>It keeps the fd-to-key table, turns file objects into fds (with Python's fallback that
 * finds a closed object's key by identity), validates arguments, provides the read-only map
 * view, coalesces wake-ups, and dispatches ready events. A backend implements only:
 * <ul>
 *   <li>{@link #addInterest}, {@link #changeInterest}, {@link #removeInterest}: tell the kernel;</li>
 *   <li>{@link #doSelect}: wait, then call {@link #ready(int, int)} for each ready fd;</li>
 *   <li>a {@link Waker}, its wake-up mechanism, handed over once by {@link #wakeWith}.</li>
 * </ul>
 * It owns nothing native itself: every fd and every block of native memory a backend acquires
 * goes to {@link #resources()} at once, and {@link #close()} gives them back. A backend's
 * constructor that fails half-way calls {@link #close()} before it rethrows:
 * <pre>{@code
 * try {
 *     this.epfd = resources().ownFd(Errno.check("epoll_create1", ...), libc::close);
 *     this.events = resources().own(new NativeArray(...));
 *     ...
 * } catch (Throwable failure) {
 *     close();
 *     throw failure;
 * }
 * }</pre>
 *
 * <p>Events reported by {@link #ready} are collected in preallocated arrays and dispatched only
 * after the wait returns, so a handler may register and unregister freely, and a steady-state
 * select allocates nothing.
 */
public abstract class AbstractSelector implements Selector {

    private static final int VALID_EVENTS = EVENT_READ | EVENT_WRITE;

    private final String backendName;
    private final NativeResources resources = new NativeResources();
    private Waker waker;

    // Python's _fd_to_key, indexed by fd: a lookup per ready event must not box an Integer.
    private SelectorKey[] keysByFd = new SelectorKey[64];
    private int registeredCount;

    // What the backend reported during the current wait, dispatched after it returns.
    private int[] readyFds = new int[64];
    private int[] readyEvents = new int[64];
    private int readyCount;
    private boolean dispatching;
    // The fds whose key a handler removed during this dispatch: their remaining events belong to
    // the removed registration, whatever now holds the fd (it may have been closed and reused).
    // Marked by fd, so that the usual dispatch, where nothing is removed, pays one comparison.
    private boolean[] removedWhileDispatching = new boolean[64];
    private int[] removedFds = new int[8];
    private int removedCount;

    // wakeup() may race with close(): both take this lock, so no thread signals a closed (and
    // perhaps reused) fd.
    private final Object wakeupLock = new Object();
    private volatile boolean wakeupPending;
    private volatile boolean closed;

    private final Map<Object, SelectorKey> mapView =
            Collections.unmodifiableMap(new KeyMapView());

    /**
     * Creates the bookkeeping for a backend.
     *
     * @param backendName the name {@link #backendName()} returns
     */
    protected AbstractSelector(String backendName) {
        this.backendName = backendName;
    }

    // ---------------------------------------------------------------- what a backend implements

    /**
     * Starts watching {@code fd} for {@code events} in the kernel.
     *
     * @param fd     a file descriptor not yet watched
     * @param events a valid, non-zero mask of READ and WRITE
     * @throws IOException the kernel refused; the key is then removed again
     */
    protected abstract void addInterest(int fd, int events) throws IOException;

    /**
     * Changes the events watched for {@code fd}.
     *
     * @param fd        a watched file descriptor
     * @param oldEvents the events watched until now
     * @param newEvents the events to watch from now on, different from {@code oldEvents}
     * @throws IOException the kernel refused; the fd is then unregistered
     */
    protected abstract void changeInterest(int fd, int oldEvents, int newEvents) throws IOException;

    /**
     * Stops watching {@code fd}. It may already be closed: as Python does, a backend swallows
     * the kernel's complaint (EBADF, ENOENT) and must leave itself usable.
     *
     * @param fd     a watched file descriptor
     * @param events the events it was watched for
     */
    protected abstract void removeInterest(int fd, int events);

    /**
     * Waits for events and reports each ready fd with {@link #ready(int, int)}; retries a wait
     * interrupted by a signal with the remaining time (PEP 475), and calls
     * {@link #wakeupReceived()} when its wake-up mechanism fired.
     *
     * @param timeoutNanos {@link Timeouts#INFINITE}, zero to poll, or positive nanoseconds
     * @throws IOException the wait failed for a reason other than a signal
     */
    protected abstract void doSelect(long timeoutNanos) throws IOException;

    /**
     * Refuses fds the backend cannot watch at all, before any state changes (select(2) refuses
     * fds at or above FD_SETSIZE). The default accepts every fd.
     *
     * @param fd a non-negative file descriptor
     * @throws IllegalArgumentException the backend cannot watch it
     */
    protected void checkFd(int fd) {
    }

    // ---------------------------------------------------------------- what a backend calls

    /**
     * Reports a ready fd during {@link #doSelect}. Unknown fds are ignored; the events are
     * masked with the key's events when dispatched.
     *
     * @param fd     the file descriptor the kernel reported
     * @param events READ and/or WRITE in Python's terms
     */
    protected final void ready(int fd, int events) {
        if (events == 0) {
            return;
        }
        if (readyCount == readyFds.length) {
            int capacity = readyCount * 2;
            readyFds = Arrays.copyOf(readyFds, capacity);
            readyEvents = Arrays.copyOf(readyEvents, capacity);
        }
        readyFds[readyCount] = fd;
        readyEvents[readyCount] = events;
        readyCount++;
    }

    /**
     * The owner of this selector's native resources: a backend hands it each fd, each block of
     * native memory, each part of its waker, the moment it acquired it. {@link #close()} gives
     * them back in the reverse order, once.
     *
     * @return the owner
     */
    protected final NativeResources resources() {
        return resources;
    }

    /**
     * Hands the base the backend's wake-up mechanism; a backend's constructor calls this once,
     * before the selector is used. From then on the base signals and drains it; its native
     * parts are in {@link #resources()}.
     *
     * @param mechanism the backend's waker
     * @param <W>       its type
     * @return {@code mechanism}
     */
    protected final <W extends Waker> W wakeWith(W mechanism) {
        if (waker != null) {
            throw new IllegalStateException("the " + backendName + " selector already has a waker");
        }
        waker = Objects.requireNonNull(mechanism, "mechanism");
        return mechanism;
    }

    /**
     * Tells the base that the backend's wake-up mechanism fired during {@link #doSelect}: it
     * consumes the signal (through {@link Waker#drain()}) and re-arms {@link #wakeup()}.
     *
     * @throws IOException the signal could not be consumed
     */
    protected final void wakeupReceived() throws IOException {
        synchronized (wakeupLock) {
            if (closed) {
                return;
            }
            waker.drain();
            wakeupPending = false;
        }
    }

    /**
     * The key registered for an fd, for backends that need it.
     *
     * @param fd a file descriptor
     * @return its key, or {@code null}
     */
    protected final SelectorKey keyFor(int fd) {
        SelectorKey[] keys = keysByFd;
        return fd >= 0 && fd < keys.length ? keys[fd] : null;
    }

    /**
     * How many file objects are registered: kqueue sizes its event list from it.
     *
     * @return the number of keys
     */
    protected final int registeredCount() {
        return registeredCount;
    }

    /**
     * Whether {@link #close()} has been called.
     *
     * @return true once closed
     */
    protected final boolean isClosed() {
        return closed;
    }

    // ---------------------------------------------------------------- the Selector API

    @Override
    public final SelectorKey register(Object fileobj, int events, Object data) throws IOException {
        ensureOpen();
        checkEvents(events);
        int fd = fileobjLookup(fileobj);
        if (keyFor(fd) != null) {
            throw new AlreadyRegisteredException(fileobj, fd);
        }
        checkFd(fd);
        SelectorKey key = new SelectorKey(fileobj, fd, events, data);
        putKey(key);
        try {
            addInterest(fd, events);
        } catch (IOException | RuntimeException | Error e) {
            removeKey(fd);
            throw e;
        }
        return key;
    }

    @Override
    public final SelectorKey unregister(Object fileobj) {
        ensureOpen();
        SelectorKey key = registeredKey(fileobj);
        removeKey(key.fd());
        removeInterest(key.fd(), key.events());
        return key;
    }

    @Override
    public final SelectorKey modify(Object fileobj, int events, Object data) throws IOException {
        ensureOpen();
        // As CPython: the key first (KeyError for an object not registered), then the mask.
        SelectorKey key = registeredKey(fileobj);
        checkEvents(events);
        int fd = key.fd();
        if (events != key.events()) {
            try {
                changeInterest(fd, key.events(), events);
            } catch (IOException | RuntimeException | Error e) {
                // Python unregisters on a failed modify: no stale key may remain.
                removeKey(fd);
                removeInterest(fd, key.events());
                throw e;
            }
            key = new SelectorKey(key.fileobj(), fd, events, data);
            putKey(key);
        } else if (data != key.data()) {
            key = key.withData(data);
            putKey(key);
        }
        return key;
    }

    @Override
    public final List<ReadyKey> select(Duration timeout) throws IOException {
        List<ReadyKey> ready = new ArrayList<>();
        select(timeout, (key, events) -> ready.add(new ReadyKey(key, events)));
        return ready;
    }

    @Override
    public final int select(Duration timeout, ReadyHandler handler) throws IOException {
        return selectAndDispatch(Timeouts.toNanos(timeout), handler);
    }

    @Override
    public final int selectNanos(long timeoutNanos, ReadyHandler handler) throws IOException {
        return selectAndDispatch(Math.max(0, timeoutNanos), handler);
    }

    private int selectAndDispatch(long timeoutNanos, ReadyHandler handler) throws IOException {
        ensureOpen();
        if (dispatching) {
            throw new IllegalStateException("select called from inside a ReadyHandler");
        }
        readyCount = 0;
        doSelect(timeoutNanos);
        dispatching = true;
        try {
            return dispatch(handler);
        } finally {
            dispatching = false;
            readyCount = 0;
            for (int i = 0; i < removedCount; i++) {
                removedWhileDispatching[removedFds[i]] = false;
            }
            removedCount = 0;
        }
    }

    private int dispatch(ReadyHandler handler) throws IOException {
        int dispatched = 0;
        for (int i = 0; i < readyCount; i++) {
            int fd = readyFds[i];
            // Unregistered by an earlier handler (perhaps closed, and the fd reused since).
            if (removedCount != 0 && fd < removedWhileDispatching.length && removedWhileDispatching[fd]) {
                continue;
            }
            SelectorKey key = keyFor(fd);
            if (key == null) {
                continue;
            }
            int events = readyEvents[i] & key.events();
            if (events != 0) {
                handler.ready(key, events);
                dispatched++;
            }
        }
        return dispatched;
    }

    @Override
    public final SelectorKey getKey(Object fileobj) {
        ensureOpen();
        return registeredKey(fileobj);
    }

    @Override
    public final Map<Object, SelectorKey> getMap() {
        ensureOpen();
        return mapView;
    }

    @Override
    public final void wakeup() {
        if (wakeupPending) {
            return;
        }
        synchronized (wakeupLock) {
            if (closed || wakeupPending) {
                return;
            }
            try {
                waker.signal();
            } catch (IOException e) {
                throw new UncheckedIOException("wakeup of the " + backendName + " selector failed", e);
            }
            wakeupPending = true;
        }
    }

    @Override
    public final String backendName() {
        return backendName;
    }

    /**
     * Python's {@code close()}: forgets every key and gives back every native resource the
     * backend handed to {@link #resources()}, the last acquired first. Also what a backend's
     * constructor calls when it fails half-way. A second call does nothing.
     */
    @Override
    public final void close() {
        synchronized (wakeupLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        Arrays.fill(keysByFd, null);
        registeredCount = 0;
        resources.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + backendName + (closed ? ", closed" : ", "
                + registeredCount + " registered") + "]";
    }

    // ---------------------------------------------------------------- bookkeeping

    private void ensureOpen() {
        if (closed) {
            throw new SelectorClosedException();
        }
    }

    private static void checkEvents(int events) {
        if (events == 0 || (events & ~VALID_EVENTS) != 0) {
            throw new IllegalArgumentException("Invalid events: " + events
                    + " (EVENT_READ=1, EVENT_WRITE=2, or both)");
        }
    }

    private SelectorKey registeredKey(Object fileobj) {
        SelectorKey key = keyFor(fileobjLookup(fileobj));
        if (key == null) {
            throw new NotRegisteredException(fileobj);
        }
        return key;
    }

    /**
     * Python's {@code _fileobj_lookup}: the fd of a file object, or, when it has none any more
     * (closed), the fd of the key registered for that very object.
     */
    private int fileobjLookup(Object fileobj) {
        try {
            return fileobjToFd(fileobj);
        } catch (IllegalArgumentException invalid) {
            for (SelectorKey key : keysByFd) {
                if (key != null && key.fileobj() == fileobj) {
                    return key.fd();
                }
            }
            throw invalid;
        }
    }

    /** Python's {@code _fileobj_to_fd}. */
    private static int fileobjToFd(Object fileobj) {
        int fd;
        if (fileobj instanceof Integer) {
            fd = (Integer) fileobj;
        } else if (fileobj instanceof FileObject) {
            try {
                fd = ((FileObject) fileobj).fileno();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("Invalid file object: " + fileobj, e);
            }
        } else {
            throw new IllegalArgumentException("Invalid file object: " + fileobj
                    + " (an Integer fd or a dev.selectors.FileObject is needed)");
        }
        if (fd < 0) {
            throw new IllegalArgumentException("Invalid file descriptor: " + fd);
        }
        return fd;
    }

    private void putKey(SelectorKey key) {
        int fd = key.fd();
        if (fd >= keysByFd.length) {
            keysByFd = Arrays.copyOf(keysByFd, Math.max(fd + 1, keysByFd.length * 2));
        }
        if (keysByFd[fd] == null) {
            registeredCount++;
        }
        keysByFd[fd] = key;
    }

    private void removeKey(int fd) {
        if (keysByFd[fd] != null) {
            keysByFd[fd] = null;
            registeredCount--;
            if (dispatching) {
                rememberRemoved(fd);
            }
        }
    }

    private void rememberRemoved(int fd) {
        if (fd >= removedWhileDispatching.length) {
            removedWhileDispatching = Arrays.copyOf(removedWhileDispatching, keysByFd.length);
        }
        if (!removedWhileDispatching[fd]) {
            if (removedCount == removedFds.length) {
                removedFds = Arrays.copyOf(removedFds, removedCount * 2);
            }
            removedFds[removedCount++] = fd;
            removedWhileDispatching[fd] = true;
        }
    }

    /** Python's {@code _SelectorMapping}: looks up by file object or fd, iterates fds. */
    private final class KeyMapView extends AbstractMap<Object, SelectorKey> {

        @Override
        public SelectorKey get(Object fileobj) {
            if (closed) {
                return null;
            }
            try {
                return keyFor(fileobjLookup(fileobj));
            } catch (IllegalArgumentException notAFileObject) {
                return null;
            }
        }

        @Override
        public boolean containsKey(Object fileobj) {
            return get(fileobj) != null;
        }

        @Override
        public int size() {
            return closed ? 0 : registeredCount;
        }

        @Override
        public Set<Entry<Object, SelectorKey>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<Object, SelectorKey>> iterator() {
                    return new EntryIterator();
                }

                @Override
                public int size() {
                    return KeyMapView.this.size();
                }
            };
        }
    }

    private final class EntryIterator implements Iterator<Map.Entry<Object, SelectorKey>> {
        private int nextFd = advance(0);

        private int advance(int from) {
            if (closed) {
                return keysByFd.length;
            }
            int fd = from;
            while (fd < keysByFd.length && keysByFd[fd] == null) {
                fd++;
            }
            return fd;
        }

        @Override
        public boolean hasNext() {
            return nextFd < keysByFd.length;
        }

        @Override
        public Map.Entry<Object, SelectorKey> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int fd = nextFd;
            nextFd = advance(fd + 1);
            return new AbstractMap.SimpleImmutableEntry<>(fd, keysByFd[fd]);
        }
    }
}
