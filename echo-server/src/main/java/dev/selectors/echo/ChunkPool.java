package dev.selectors.echo;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * Direct buffers of one size, reused by one event loop for the bytes connections could not
 * send at once. Buffers come back when drained; at most {@code maxIdle} are kept, so a burst
 * of slow readers does not pin its peak memory forever.
 */
final class ChunkPool {

    private final int chunkSize;
    private final int maxIdle;
    private final ArrayDeque<ByteBuffer> idle = new ArrayDeque<>();

    ChunkPool(int chunkSize, int maxIdle) {
        this.chunkSize = chunkSize;
        this.maxIdle = maxIdle;
    }

    ByteBuffer take() {
        ByteBuffer chunk = idle.poll();
        if (chunk == null) {
            chunk = ByteBuffer.allocateDirect(chunkSize);
        }
        chunk.clear().limit(0);
        return chunk;
    }

    void give(ByteBuffer chunk) {
        if (idle.size() < maxIdle) {
            idle.push(chunk);
        }
    }

    int chunkSize() {
        return chunkSize;
    }
}
