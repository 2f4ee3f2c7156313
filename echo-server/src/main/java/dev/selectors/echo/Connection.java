package dev.selectors.echo;

import dev.selectors.posix.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * One client of the production server: its socket, the bytes received but not yet echoed (in
 * pooled chunks, oldest first, each in read mode: position = next byte to send), and what the
 * selector watches for it.
 */
final class Connection {

    final Socket socket;
    private final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>();
    private int pendingBytes;
    /** The events registered with the selector now. */
    int interest;
    /** The peer sent EOF: echo what is pending, then close. */
    boolean eofReceived;
    /** Draining: everything received was echoed and the write side shut down. */
    boolean writeShut;
    /** When the peer last sent something, for the idle timeout. */
    long lastActivityNanos;

    Connection(Socket socket, int interest, long now) {
        this.socket = socket;
        this.interest = interest;
        this.lastActivityNanos = now;
    }

    int pendingBytes() {
        return pendingBytes;
    }

    /** Copies {@code source}'s remaining bytes behind what is pending. */
    void enqueue(ByteBuffer source, ChunkPool pool) {
        while (source.hasRemaining()) {
            ByteBuffer tail = pending.peekLast();
            if (tail == null || tail.limit() == tail.capacity()) {
                tail = pool.take();
                pending.addLast(tail);
            }
            int start = tail.position();
            tail.position(tail.limit()).limit(tail.capacity());
            int n = Math.min(tail.remaining(), source.remaining());
            ByteBuffer slice = source.slice();
            slice.limit(n);
            tail.put(slice);
            source.position(source.position() + n);
            tail.limit(tail.position()).position(start);
            pendingBytes += n;
        }
    }

    /** The oldest pending chunk, or {@code null}. */
    ByteBuffer head() {
        return pending.peekFirst();
    }

    /** Accounts for {@code n} bytes sent from {@link #head()}; returns a drained chunk to the pool. */
    void sent(int n, ChunkPool pool) {
        pendingBytes -= n;
        ByteBuffer head = pending.peekFirst();
        if (head != null && !head.hasRemaining()) {
            pool.give(pending.pollFirst());
        }
    }

    /** Gives every chunk back, when the connection closes. */
    void release(ChunkPool pool) {
        for (ByteBuffer chunk : pending) {
            pool.give(chunk);
        }
        pending.clear();
        pendingBytes = 0;
    }
}
