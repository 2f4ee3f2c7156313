package dev.selectors.echo;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One event loop's counters, written by its thread only and read by the metrics endpoint: the
 * design of the load test's {@code LoopCounters}. The per-message counters are plain fields that
 * the loop publishes once per select (an opaque store each, no fence), so a message costs two
 * additions; the rare ones are published as they change. A new counter is one constant of
 * {@link Counter} and its metric in {@link EchoMetrics}.
 */
final class LoopStats {

    /** What a loop counts. */
    enum Counter {
        /** Connections accepted. */
        ACCEPTED,
        /** Connections closed, for whatever reason. */
        CLOSED,
        /** Connections refused over --max-connections. */
        REFUSED,
        /** Connections ended by a socket error. */
        RESETS,
        /** Connections closed by --idle-timeout. */
        IDLE_CLOSED,
        /** Times accepting paused (EMFILE...). */
        ACCEPT_BACKOFFS,
        /** Bytes received and not yet echoed: a gauge, moved both ways. */
        PENDING_BYTES,
        /** Select calls; published with the two below, once per select. */
        SELECTS,
        /** Bytes received. */
        BYTES_IN,
        /** Bytes echoed. */
        BYTES_OUT
    }

    private final AtomicLongArray published = new AtomicLongArray(Counter.values().length);
    private long selects;
    private long bytesIn;
    private long bytesOut;

    /** Counts one rare event, visible at once. */
    void count(Counter counter) {
        add(counter, 1);
    }

    /** Adds to a rare counter or to the pending-bytes gauge, visible at once. */
    void add(Counter counter, long delta) {
        int index = counter.ordinal();
        published.setOpaque(index, published.getPlain(index) + delta);
    }

    void bytesIn(long n) {
        bytesIn += n;
    }

    void bytesOut(long n) {
        bytesOut += n;
    }

    /** Counts a select and publishes the per-message counters; the loop calls it after each select. */
    void selected() {
        selects++;
        published.setOpaque(Counter.SELECTS.ordinal(), selects);
        published.setOpaque(Counter.BYTES_IN.ordinal(), bytesIn);
        published.setOpaque(Counter.BYTES_OUT.ordinal(), bytesOut);
    }

    /** A counter's last published value; any thread. */
    long get(Counter counter) {
        return published.getOpaque(counter.ordinal());
    }

    /** Connections open now. */
    long active() {
        return get(Counter.ACCEPTED) - get(Counter.CLOSED);
    }
}
