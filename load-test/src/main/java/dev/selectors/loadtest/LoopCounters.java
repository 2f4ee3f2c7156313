package dev.selectors.loadtest;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One generator loop's counters: written by its thread only (plain increments made visible with
 * opaque stores, no fence per message), read by the reporter.
 */
final class LoopCounters {

    static final int MESSAGES = 0;
    static final int BYTES_SENT = 1;
    static final int BYTES_RECEIVED = 2;
    static final int OPEN_CONNECTIONS = 3;
    private static final int ERRORS = 4;

    private final AtomicLongArray values = new AtomicLongArray(ERRORS + ErrorKind.values().length);

    void add(int index, long delta) {
        values.setOpaque(index, values.getPlain(index) + delta);
    }

    void error(ErrorKind kind) {
        add(ERRORS + kind.ordinal(), 1);
    }

    long get(int index) {
        return values.getOpaque(index);
    }

    long errors(ErrorKind kind) {
        return get(ERRORS + kind.ordinal());
    }
}
