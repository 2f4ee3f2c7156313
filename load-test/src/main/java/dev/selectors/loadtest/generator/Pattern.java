package dev.selectors.loadtest.generator;

import java.nio.ByteBuffer;

/**
 * The bytes every connection sends: a fixed pseudo-random sequence of {@link #PERIOD} bytes,
 * repeated, which each connection enters at its own offset. The byte expected at any stream
 * offset is known without remembering what was sent, so checking an echo is one vectorized
 * {@link ByteBuffer#mismatch} per chunk, and bytes that crossed between connections are caught.
 *
 * <p>The source holds the sequence twice, so that any window of up to {@code PERIOD} bytes is
 * one contiguous slice. Senders read it by absolute index ({@link #source()}); a checker
 * compares through a {@link #newView() view} of its own, whose position and limit it moves.
 */
final class Pattern {

    /** A prime, so that message sizes never line up with the period. */
    static final int PERIOD = 65_521;

    private static final ByteBuffer SOURCE = build();

    private Pattern() {
    }

    private static ByteBuffer build() {
        ByteBuffer source = ByteBuffer.allocateDirect(2 * PERIOD);
        long state = 0x2545F4914F6CDD1DL;
        for (int i = 0; i < PERIOD; i++) {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            byte value = (byte) (state >>> 24);
            source.put(i, value);
            source.put(i + PERIOD, value);
        }
        return source.asReadOnlyBuffer();
    }

    /** Where connection {@code id} enters the sequence. */
    static int shift(int id) {
        return (int) Long.remainderUnsigned(id * 0x9E3779B97F4A7C15L, PERIOD);
    }

    /**
     * The sequence, twice over, read-only and shared: use it only by absolute index (never
     * move its position or limit), as {@code Socket.send(buffer, offset, length)} does.
     *
     * @return the shared source
     */
    static ByteBuffer source() {
        return SOURCE;
    }

    /** A view of the source, for one user: position and limit are set per window. */
    static ByteBuffer newView() {
        return SOURCE.duplicate();
    }

    /**
     * Where in the sequence a connection's stream offset falls.
     *
     * @param shift  the connection's {@link #shift(int)}
     * @param offset the stream offset
     * @return an index in [0, PERIOD)
     */
    static int index(int shift, long offset) {
        return (int) ((shift + offset) % PERIOD);
    }

    /**
     * The index {@code bytes} further on: what a connection keeps per direction, so that the
     * per-message path adds and wraps instead of dividing a 64-bit offset.
     *
     * @param index an index in [0, PERIOD)
     * @param bytes at most {@link #PERIOD}
     * @return the index after those bytes
     */
    static int advance(int index, int bytes) {
        int next = index + bytes;
        return next >= PERIOD ? next - PERIOD : next;
    }

    /**
     * Points {@code view} at {@code length} bytes of the stream from sequence index {@code index}.
     *
     * @param view   a view from {@link #newView()}
     * @param index  from {@link #index} or {@link #advance}
     * @param length at most {@link #PERIOD}
     * @return {@code view}
     */
    static ByteBuffer window(ByteBuffer view, int index, int length) {
        view.limit(index + length).position(index);
        return view;
    }
}
