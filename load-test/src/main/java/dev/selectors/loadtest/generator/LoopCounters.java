package dev.selectors.loadtest.generator;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One generator loop's counters, written by its thread only and read by the reporter. The
 * per-message counters are plain fields that the loop publishes once per select (an opaque
 * store each, no fence), so a message costs two additions; connection counts and errors are
 * rare and published as they change. Messages are counted by the latency histograms, not here:
 * one count for the report, the JSON and the hlog.
 */
final class LoopCounters {

    static final int BYTES_SENT = 0;
    static final int BYTES_RECEIVED = 1;
    static final int OPEN_CONNECTIONS = 2;
    /** How many of the counters above a snapshot reads. */
    static final int PUBLISHED = 3;
    private static final int ERRORS = PUBLISHED;

    private final AtomicLongArray published = new AtomicLongArray(ERRORS + ErrorKind.values().length);
    private long bytesSent;
    private long bytesReceived;

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
