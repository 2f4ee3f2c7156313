package dev.selectors.posix;

import java.nio.ByteBuffer;

/**
 * The one {@link NativeMemory} of both bindings: what a binding allocated, as an address and a
 * view in the platform's byte order over all of it, and how to free it. Made by
 * {@link AbstractLibC#memory}.
 */
final class AllocatedMemory implements NativeMemory {

    private final long address;
    private final ByteBuffer buffer;
    // Holds what must stay reachable while the memory is in use (JNA's Memory, FFM's arena).
    private final Runnable free;
    private boolean closed;

    AllocatedMemory(long address, ByteBuffer buffer, Runnable free) {
        this.address = address;
        this.buffer = buffer;
        this.free = free;
    }

    @Override
    public long address() {
        return address;
    }

    @Override
    public ByteBuffer buffer() {
        return buffer;
    }

    @Override
    public long size() {
        return buffer.capacity();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            free.run();
        }
    }
}
