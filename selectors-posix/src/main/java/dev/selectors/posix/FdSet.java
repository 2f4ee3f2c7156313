package dev.selectors.posix;

import dev.selectors.spi.NativeResource;
import java.nio.ByteBuffer;

/**
 * One {@code fd_set} in native memory (ABI.md): {@code FD_SETSIZE} bits in words of
 * {@link PosixConstants#FD_SET_WORD_BYTES} bytes, bit {@code n} in word {@code n / NFDBITS}.
 * Words are written in the platform's byte order and width, so the image is right on big-endian
 * targets too. The caller's copy is a {@code long[]} bit set; {@link #load} copies its low
 * {@code nfds} bits in before each select(2), since select overwrites the set.
 */
final class FdSet implements NativeResource {

    private final NativeMemory memory;
    private final int wordBytes;

    FdSet(LibC libc, int setSize, int wordBytes) {
        this.memory = libc.allocate(setSize / 8);
        this.wordBytes = wordBytes;
    }

    long address() {
        return memory.address();
    }

    /** Copies {@code bits} (bit n = fd n) into the set, up to the word holding fd nfds-1. */
    void load(long[] bits, int nfds) {
        ByteBuffer buffer = memory.buffer();
        int longs = (nfds + 63) >>> 6;
        if (wordBytes == 8) {
            for (int i = 0; i < longs; i++) {
                buffer.putLong(i * 8, bits[i]);
            }
        } else {
            for (int i = 0; i < longs; i++) {
                buffer.putInt(i * 8, (int) bits[i]);
                buffer.putInt(i * 8 + 4, (int) (bits[i] >>> 32));
            }
        }
    }

    /** The 64 bits of fds [64*i, 64*i+63] as a Java long, for a quick scan. */
    long bits64(int i) {
        ByteBuffer buffer = memory.buffer();
        if (wordBytes == 8) {
            return buffer.getLong(i * 8);
        }
        return (buffer.getInt(i * 8) & 0xFFFF_FFFFL) | ((long) buffer.getInt(i * 8 + 4) << 32);
    }

    @Override
    public void close() {
        memory.close();
    }
}
