package dev.selectors.loadtest.generator;

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
    private long[] sentAts = new long[4];
    private int head;
    private int count;

    ClientConnection(int id, Socket socket, long now) {
        this.id = id;
        this.sendIndex = Pattern.shift(id);
        this.receiveIndex = sendIndex;
        this.socket = socket;
        this.connectStartedNanos = now;
    }

    /**
     * Queues a message of {@code size} bytes meant to be sent at {@code intendedNanos} and handed
     * to the socket at {@code actualNanos} (the same in a closed loop).
     */
    void queue(int size, long intendedNanos, long actualNanos) {
        if (count == ends.length) {
            ends = grow(ends);
            starts = grow(starts);
            sentAts = grow(sentAts);
            head = 0;
        }
        int tail = (head + count) & (ends.length - 1);
        queuedEnd += size;
        ends[tail] = queuedEnd;
        starts[tail] = intendedNanos;
        sentAts[tail] = actualNanos;
        count++;
    }

    private long[] grow(long[] ring) {
        long[] bigger = new long[count * 2];
        for (int i = 0; i < count; i++) {
            bigger[i] = ring[(head + i) & (count - 1)];
        }
        return bigger;
    }

    /**
     * @return messages queued and not yet fully echoed
     */
    int inFlight() {
        return count;
    }

    /**
     * @return whether the oldest owed message is now fully echoed
     */
    boolean oldestComplete() {
        return count > 0 && ends[head] <= receivedOffset;
    }

    /**
     * @return when the oldest owed message was handed to the socket
     */
    long oldestSentAt() {
        return sentAts[head];
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
