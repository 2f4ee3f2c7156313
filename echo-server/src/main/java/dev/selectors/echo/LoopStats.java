package dev.selectors.echo;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One event loop's counters. Only the loop's thread writes them; the metrics endpoint reads
 * them from another thread. Opaque access keeps each write a plain store (no fence on the
 * per-message path) while guaranteeing the reader a whole, eventually fresh value.
 */
final class LoopStats {

    private static final VarHandle ACCEPTED;
    private static final VarHandle CLOSED;
    private static final VarHandle REFUSED;
    private static final VarHandle RESETS;
    private static final VarHandle BYTES_IN;
    private static final VarHandle BYTES_OUT;
    private static final VarHandle SELECTS;
    private static final VarHandle ACCEPT_BACKOFFS;
    private static final VarHandle PENDING_BYTES;
    private static final VarHandle IDLE_CLOSED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            ACCEPTED = lookup.findVarHandle(LoopStats.class, "accepted", long.class);
            CLOSED = lookup.findVarHandle(LoopStats.class, "closed", long.class);
            REFUSED = lookup.findVarHandle(LoopStats.class, "refused", long.class);
            RESETS = lookup.findVarHandle(LoopStats.class, "resets", long.class);
            BYTES_IN = lookup.findVarHandle(LoopStats.class, "bytesIn", long.class);
            BYTES_OUT = lookup.findVarHandle(LoopStats.class, "bytesOut", long.class);
            SELECTS = lookup.findVarHandle(LoopStats.class, "selects", long.class);
            ACCEPT_BACKOFFS = lookup.findVarHandle(LoopStats.class, "acceptBackoffs", long.class);
            PENDING_BYTES = lookup.findVarHandle(LoopStats.class, "pendingBytes", long.class);
            IDLE_CLOSED = lookup.findVarHandle(LoopStats.class, "idleClosed", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private long accepted;
    private long closed;
    private long refused;
    private long resets;
    private long bytesIn;
    private long bytesOut;
    private long selects;
    private long acceptBackoffs;
    private long pendingBytes;
    private long idleClosed;

    private static void add(VarHandle handle, LoopStats stats, long delta) {
        handle.setOpaque(stats, (long) handle.getOpaque(stats) + delta);
    }

    void accepted() {
        add(ACCEPTED, this, 1);
    }

    void closed() {
        add(CLOSED, this, 1);
    }

    void refused() {
        add(REFUSED, this, 1);
    }

    void reset() {
        add(RESETS, this, 1);
    }

    void idleClosed() {
        add(IDLE_CLOSED, this, 1);
    }

    void bytesIn(long n) {
        add(BYTES_IN, this, n);
    }

    void bytesOut(long n) {
        add(BYTES_OUT, this, n);
    }

    void select() {
        add(SELECTS, this, 1);
    }

    void acceptBackoff() {
        add(ACCEPT_BACKOFFS, this, 1);
    }

    void pendingBytes(long delta) {
        add(PENDING_BYTES, this, delta);
    }

    long acceptedCount() {
        return (long) ACCEPTED.getOpaque(this);
    }

    long closedCount() {
        return (long) CLOSED.getOpaque(this);
    }

    long activeCount() {
        return acceptedCount() - closedCount();
    }

    long refusedCount() {
        return (long) REFUSED.getOpaque(this);
    }

    long resetCount() {
        return (long) RESETS.getOpaque(this);
    }

    long idleClosedCount() {
        return (long) IDLE_CLOSED.getOpaque(this);
    }

    long bytesInCount() {
        return (long) BYTES_IN.getOpaque(this);
    }

    long bytesOutCount() {
        return (long) BYTES_OUT.getOpaque(this);
    }

    long selectCount() {
        return (long) SELECTS.getOpaque(this);
    }

    long acceptBackoffCount() {
        return (long) ACCEPT_BACKOFFS.getOpaque(this);
    }

    long pendingBytesNow() {
        return (long) PENDING_BYTES.getOpaque(this);
    }
}
