package dev.selectors.spi;

/**
 * Something a backend acquired and must give back: a file descriptor, a block of native
 * memory, an array the kernel fills. A backend hands each one to its selector's
 * {@link NativeResources} the moment it has it, and never closes it itself.
 */
@FunctionalInterface
public interface NativeResource extends AutoCloseable {

    /** Gives the resource back; its owner calls this once. */
    @Override
    void close();
}
