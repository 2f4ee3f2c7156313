package dev.selectors;

/**
 * Anything with a file descriptor: Python's "file object", meaning any object with a
 * {@code fileno()} method.
 *
 * <p>A selector accepts either an {@link Integer} file descriptor or a {@code FileObject}.
 * As in Python, a closed object should answer {@code -1}; the selector then finds its key by
 * identity, so that a socket closed before it was unregistered can still be unregistered.
 */
@FunctionalInterface
public interface FileObject {

    /**
     * Python's {@code fileno()}.
     *
     * @return the underlying file descriptor, or a negative number once the object is closed
     */
    int fileno();
}
