package dev.selectors.loadtest;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One generator loop's counters, written by its thread only and read by the reporter. The
 * per-message counters are plain fields that the loop publishes once per select (an opaque
 * store each, no fence), so a message costs three additions; connection counts and errors are
 * rare and published as they change.
 */
final class LoopCounters {

    static final int MESSAGES = 0;
    static final int BYTES_SENT = 1;
    static final int BYTES_RECEIVED = 2;
    static final int OPEN_CONNECTIONS = 3;
    private static final int ERRORS = 4;

    private final AtomicLongArray published = new AtomicLongArray(ERRORS + ErrorKind.values().length);
    private long messages;
    private long bytesSent;
    private long bytesReceived;

    void messageEchoed() {
        messages++;
    }

    void sent(long bytes) {
        bytesSent += bytes;
    }

    void received(long bytes) {
        bytesReceived += bytes;
    }

    void connectionsChanged(int delta) {
        addNow(OPEN_CONNECTIONS, delta);
    }

    void error(ErrorKind kind) {
        addNow(ERRORS + kind.ordinal(), 1);
    }

    /** Makes the per-message counters visible to the reporter; the loop calls it once per select. */
    void publish() {
        published.setOpaque(MESSAGES, messages);
        published.setOpaque(BYTES_SENT, bytesSent);
        published.setOpaque(BYTES_RECEIVED, bytesReceived);
    }

    private void addNow(int index, long delta) {
        published.setOpaque(index, published.getPlain(index) + delta);
    }

    long get(int index) {
        return published.getOpaque(index);
    }

    long errors(ErrorKind kind) {
        return get(ERRORS + kind.ordinal());
    }
}
