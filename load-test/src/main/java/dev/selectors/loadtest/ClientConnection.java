package dev.selectors.loadtest;

import dev.selectors.posix.Socket;

/**
 * One generator connection: its place in the {@link Pattern}, how far its stream was queued,
 * sent and echoed, and the messages owed (end offset and intended send time, oldest first).
 */
final class ClientConnection {

    final int id;
    final Socket socket;
    final long connectStartedNanos;
    boolean connected;
    int interest;
    /** Open loop: when the next message is due. */
    long nextSendAtNanos;

    long queuedEnd;
    long sentOffset;
    long receivedOffset;
    /** The {@link Pattern} indexes of the next byte to send and of the next byte expected back. */
    int sendIndex;
    int receiveIndex;

    // Ring buffers whose length is a power of two, so that wrapping is a mask.
    private long[] ends = new long[4];
    private long[] starts = new long[4];
    private int head;
    private int count;

    ClientConnection(int id, Socket socket, long now) {
        this.id = id;
        this.sendIndex = Pattern.shift(id);
        this.receiveIndex = sendIndex;
        this.socket = socket;
        this.connectStartedNanos = now;
    }

    /** Queues a message of {@code size} bytes meant to be sent at {@code intendedNanos}. */
    void queue(int size, long intendedNanos) {
        if (count == ends.length) {
            long[] biggerEnds = new long[count * 2];
            long[] biggerStarts = new long[count * 2];
            for (int i = 0; i < count; i++) {
                biggerEnds[i] = ends[(head + i) & (count - 1)];
                biggerStarts[i] = starts[(head + i) & (count - 1)];
            }
            ends = biggerEnds;
            starts = biggerStarts;
            head = 0;
        }
        int tail = (head + count) & (ends.length - 1);
        queuedEnd += size;
        ends[tail] = queuedEnd;
        starts[tail] = intendedNanos;
        count++;
    }

    /** @return messages queued and not yet fully echoed */
    int inFlight() {
        return count;
    }

    /** @return whether the oldest owed message is now fully echoed */
    boolean oldestComplete() {
        return count > 0 && ends[head] <= receivedOffset;
    }

    /** Removes the oldest message; returns when it was meant to be sent. */
    long completeOldest() {
        long start = starts[head];
        head = (head + 1) & (ends.length - 1);
        count--;
        return start;
    }

    boolean hasUnsent() {
        return sentOffset < queuedEnd;
    }
}
