package dev.selectors.posix;

import dev.selectors.spi.NativeResource;
import java.nio.ByteBuffer;

/**
 * A native array of fixed-size structs that a kernel fills (epoll_event, kevent, pollfd,
 * port_event_t): owned by one selector, grown only when registrations outgrow it, never during
 * a steady-state select. Its contents do not survive growth: it is written by the next wait.
 */
public final class NativeArray implements NativeResource {

    private final LibC libc;
    private final int elementSize;
    private NativeMemory memory;
    private int capacity;

    /**
     * Allocates the array.
     *
     * @param libc            the binding that allocates its memory
     * @param elementSize     the struct's size in bytes
     * @param initialCapacity elements to allocate at first
     */
    public NativeArray(LibC libc, int elementSize, int initialCapacity) {
        this.libc = libc;
        this.elementSize = elementSize;
        this.capacity = Math.max(1, initialCapacity);
        this.memory = libc.allocate((long) capacity * elementSize);
    }

    /**
     * Makes room for at least {@code needed} elements, at least doubling when it grows.
     *
     * @param needed the elements the next wait may return
     */
    public void ensureCapacity(int needed) {
        if (needed > capacity) {
            int grown = Math.max(needed, capacity * 2);
            NativeMemory bigger = libc.allocate((long) grown * elementSize);
            memory.close();
            memory = bigger;
            capacity = grown;
        }
    }

    /**
     * Returns the address of element 0, valid until the next growth.
     *
     * @return the address of element 0, valid until the next growth
     */
    public long address() {
        return memory.address();
    }

    /**
     * Returns the memory, for reading elements at {@code index * elementSize + offset}.
     *
     * @return the memory, for reading elements at {@code index * elementSize + offset}
     */
    public ByteBuffer buffer() {
        return memory.buffer();
    }

    /**
     * Returns how many elements fit.
     *
     * @return how many elements fit
     */
    public int capacity() {
        return capacity;
    }

    @Override
    public void close() {
        memory.close();
    }
}
