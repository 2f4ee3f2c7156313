package dev.selectors.posix;

import dev.selectors.spi.NativeResource;
import java.nio.ByteBuffer;

/**
 * A block of native memory with one owner, who frees it with {@link #close()}. Backends read
 * and write struct fields through {@link #buffer()} at fixed offsets (no JNA {@code Structure}
 * on a hot path) and pass {@link #address()} to native calls.
 */
public interface NativeMemory extends NativeResource {

    /**
     * The address of the first byte.
     *
     * @return the address, valid until {@link #close()}
     */
    long address();

    /**
     * A view of the memory in the platform's byte order, for reading and writing fields with
     * absolute {@code get}/{@code put} calls.
     *
     * @return the view; do not use it after {@link #close()}
     */
    ByteBuffer buffer();

    /**
     * The size in bytes.
     *
     * @return the size
     */
    long size();

    /** Frees the memory; calling it again does nothing. */
    @Override
    void close();
}
