package dev.selectors;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code selectors.BaseSelector}: waits for I/O readiness on many file objects.
 *
 * <p>Obtain one with {@link Selectors#open()} (Python's {@code DefaultSelector()}) or
 * {@link Selectors#open(String)} for a named backend. A file object is an {@link Integer} file
 * descriptor or a {@link FileObject}.
 *
 * <h2>Threads</h2>
 * Like Python's selectors, a selector is not thread-safe: register, modify, unregister,
 * getKey, getMap, select and close must be called by one thread at a time (usually the event
 * loop's thread), with any hand-over between threads made safe by the caller. The one
 * exception is {@link #wakeup()}, which any thread may call at any time, also concurrently with
 * {@link #close()}.
 *
 * <h2>Errors</h2>
 * <table>
 *   <caption>Python exceptions and their Java counterparts</caption>
 *   <tr><th>Python</th><th>Java</th></tr>
 *   <tr><td>ValueError</td><td>{@link IllegalArgumentException}</td></tr>
 *   <tr><td>KeyError (not registered)</td><td>{@link NotRegisteredException}</td></tr>
 *   <tr><td>KeyError (already registered)</td><td>{@link AlreadyRegisteredException}</td></tr>
 *   <tr><td>RuntimeError (selector is closed)</td><td>{@link SelectorClosedException}</td></tr>
 *   <tr><td>OSError</td><td>{@link ErrnoException}</td></tr>
 * </table>
 */
public interface Selector extends AutoCloseable {

    /** Python's {@code EVENT_READ}: available for read. */
    int EVENT_READ = 1;

    /** Python's {@code EVENT_WRITE}: available for write. */
    int EVENT_WRITE = 2;

    /**
     * Python's {@code register(fileobj, events)}: starts watching a file object, with no data.
     *
     * @param fileobj an {@link Integer} file descriptor or a {@link FileObject}
     * @param events  {@link #EVENT_READ}, {@link #EVENT_WRITE} or both
     * @return the new key
     * @throws IllegalArgumentException    the events mask is zero or has other bits, or the
     *                                     file object is invalid (negative or failing fileno)
     * @throws AlreadyRegisteredException  the file object or its fd is already registered
     * @throws ErrnoException              the kernel refused the fd; no key is left behind
     * @throws SelectorClosedException     the selector is closed
     */
    default SelectorKey register(Object fileobj, int events) throws IOException {
        return register(fileobj, events, null);
    }

    /**
     * Python's {@code register(fileobj, events, data)}: starts watching a file object.
     *
     * @param fileobj an {@link Integer} file descriptor or a {@link FileObject}
     * @param events  {@link #EVENT_READ}, {@link #EVENT_WRITE} or both
     * @param data    opaque data kept in the key, such as a callback; may be {@code null}
     * @return the new key
     * @throws IllegalArgumentException    the events mask is zero or has other bits, or the
     *                                     file object is invalid (negative or failing fileno)
     * @throws AlreadyRegisteredException  the file object or its fd is already registered
     * @throws ErrnoException              the kernel refused the fd; no key is left behind
     * @throws SelectorClosedException     the selector is closed
     */
    SelectorKey register(Object fileobj, int events, Object data) throws IOException;

    /**
     * Python's {@code unregister(fileobj)}: stops watching a file object. It works after the
     * file object was closed, as long as it is the same object that was registered (or its
     * fd).
     *
     * @param fileobj the file object, or its fd
     * @return the key it had
     * @throws NotRegisteredException   it is not registered
     * @throws IllegalArgumentException the file object is invalid and was never registered
     * @throws SelectorClosedException  the selector is closed
     */
    SelectorKey unregister(Object fileobj);

    /**
     * Python's {@code modify(fileobj, events)}: changes the events watched and, as in Python,
     * sets the data to {@code null}.
     *
     * @param fileobj the file object, or its fd
     * @param events  the new events mask
     * @return the new key
     * @throws IOException see {@link #modify(Object, int, Object)}
     */
    default SelectorKey modify(Object fileobj, int events) throws IOException {
        return modify(fileobj, events, null);
    }

    /**
     * Python's {@code modify(fileobj, events, data)}: changes the events watched, the data, or
     * both. Changing only the data makes no system call.
     *
     * @param fileobj the file object, or its fd
     * @param events  the new events mask
     * @param data    the new data (compared by identity with the old)
     * @return the new key, or the old one when nothing changed
     * @throws IllegalArgumentException the events mask is zero or has other bits
     * @throws NotRegisteredException   it is not registered
     * @throws ErrnoException           the kernel refused the change; the file object is then
     *                                  unregistered, so that no stale key remains
     * @throws SelectorClosedException  the selector is closed
     */
    SelectorKey modify(Object fileobj, int events, Object data) throws IOException;

    /**
     * Python's {@code select(timeout=None)}: blocks until at least one registered file object
     * is ready, or {@link #wakeup()} is called.
     *
     * @return one entry per ready file object (kqueue may give two for one object: one for
     *         read, one for write)
     * @throws IOException             the wait failed (interruption by a signal is retried)
     * @throws SelectorClosedException the selector is closed
     */
    default List<ReadyKey> select() throws IOException {
        return select(null);
    }

    /**
     * Python's {@code select(timeout)}.
     *
     * @param timeout {@code null} to block; zero or negative to poll without blocking; positive
     *                to wait at least and about that long, as precisely as the backend's system
     *                call allows, rounding up: epoll (with {@code epoll_pwait2}, Linux 5.11+),
     *                kqueue and event ports to the nanosecond, select to the microsecond, poll and
     *                /dev/poll to the millisecond (as Python rounds every backend)
     * @return the ready file objects; empty on timeout or wakeup
     * @throws IOException             the wait failed (interruption by a signal is retried
     *                                 with the remaining time)
     * @throws SelectorClosedException the selector is closed
     */
    List<ReadyKey> select(Duration timeout) throws IOException;

    /**
     * The allocation-free form of {@link #select(Duration)}: hands each ready key to
     * {@code handler} instead of building a list.
     *
     * @param timeout as for {@link #select(Duration)}
     * @param handler called once for each ready file object
     * @return how many times the handler was called
     * @throws IOException             the wait failed, or the handler threw
     * @throws SelectorClosedException the selector is closed
     */
    int select(Duration timeout, ReadyHandler handler) throws IOException;

    /**
     * Not in Python: {@link #select(Duration, ReadyHandler)} with the timeout in nanoseconds, for
     * a hot loop that waits a different time on each turn (a timer wheel, an open-loop load
     * generator) and must not allocate a {@code Duration} per turn. Python's {@code select}
     * takes seconds; this takes nanoseconds, hence the name. To block without limit, use
     * {@code select(null, handler)}.
     *
     * @param timeoutNanos zero or negative to poll without blocking; positive to wait at least
     *                     and about that many nanoseconds (rounded up as for
     *                     {@link #select(Duration)})
     * @param handler      called once for each ready file object
     * @return how many times the handler was called
     * @throws IOException             the wait failed, or the handler threw
     * @throws SelectorClosedException the selector is closed
     */
    default int selectNanos(long timeoutNanos, ReadyHandler handler) throws IOException {
        return select(Duration.ofNanos(Math.max(0, timeoutNanos)), handler);
    }

    /**
     * Python's {@code get_key(fileobj)}.
     *
     * @param fileobj the file object, or its fd
     * @return its key
     * @throws NotRegisteredException   it is not registered
     * @throws IllegalArgumentException the file object is invalid and was never registered
     * @throws SelectorClosedException  the selector is closed
     */
    SelectorKey getKey(Object fileobj);

    /**
     * Python's {@code get_map()}: a read-only live view of the registrations. It finds a key
     * by file object or by fd, iterates over the fds (as Python's mapping does), and throws
     * {@link UnsupportedOperationException} on any change. After {@link #close()} it is empty.
     *
     * @return the view
     * @throws SelectorClosedException the selector is closed
     */
    Map<Object, SelectorKey> getMap();

    /**
     * Not in Python: makes a {@code select} blocked in another thread return at once, or the
     * next {@code select} if none is blocked. Safe from any thread; does nothing once closed.
     */
    void wakeup();

    /**
     * Not in Python: the backend's name, such as {@code "epoll"} or {@code "poll"}.
     *
     * @return the name under which {@link Selectors#open(String)} finds this backend
     */
    String backendName();

    /**
     * Python's {@code close()}: frees every native resource. Calling it again does nothing.
     */
    @Override
    void close();
}
