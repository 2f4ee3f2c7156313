package dev.selectors.spi;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * The one owner of a selector's native resources: each is handed over as soon as it is
 * acquired, and {@link #close()} gives them all back in the reverse order, once, whether the
 * selector is closed by its user or its constructor failed half-way. Python's selectors need no
 * such thing (the garbage collector closes a half-made {@code epoll} object); here a failure
 * between two acquisitions would otherwise leak the first.
 *
 * <p>Not thread-safe: a selector acquires its resources in its constructor and on its own
 * thread, and {@link AbstractSelector#close()} serialises the close.
 */
public final class NativeResources {

    private NativeResource[] owned = new NativeResource[8];
    private int count;
    private boolean closed;

    /** Creates an empty owner; {@link AbstractSelector} makes one per selector. */
    public NativeResources() {
    }

    /**
     * Takes ownership of a resource just acquired.
     *
     * @param resource the resource, not yet owned by anything else
     * @param <R>      its type
     * @return {@code resource}, for assignment where it was acquired
     * @throws IllegalStateException already closed; the resource is closed at once
     */
    public <R extends NativeResource> R own(R resource) {
        Objects.requireNonNull(resource, "resource");
        if (closed) {
            resource.close();
            throw new IllegalStateException("the selector is closed: its resources cannot grow");
        }
        if (count == owned.length) {
            try {
                owned = Arrays.copyOf(owned, count * 2);
            } catch (OutOfMemoryError e) {
                resource.close();
                throw e;
            }
        }
        owned[count++] = resource;
        return resource;
    }

    /**
     * Takes ownership of a file descriptor just returned by the kernel.
     *
     * @param fd    the descriptor, non-negative
     * @param close how to close it (the binding's {@code close}; its result is ignored, as
     *              nothing can be done about a failed close)
     * @return {@code fd}
     */
    public int ownFd(int fd, IntConsumer close) {
        Objects.requireNonNull(close, "close");
        own(() -> close.accept(fd));
        return fd;
    }

    /**
     * How many resources are owned and not yet given back.
     *
     * @return the count
     */
    public int size() {
        return count;
    }

    /**
     * Gives every resource back, the last acquired first. Each is closed once: a second call
     * does nothing. When closing one fails, the others are still closed and the first failure
     * is thrown afterwards, with the later ones suppressed.
     */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Throwable failure = null;
        while (count > 0) {
            NativeResource resource = owned[--count];
            owned[count] = null;
            try {
                resource.close();
            } catch (RuntimeException | Error e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure instanceof RuntimeException) {
            throw (RuntimeException) failure;
        }
        if (failure != null) {
            throw (Error) failure;
        }
    }
}
