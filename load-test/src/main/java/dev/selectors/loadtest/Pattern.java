package dev.selectors.loadtest;

import java.nio.ByteBuffer;

/**
 * The bytes every connection sends: a fixed pseudo-random sequence of {@link #PERIOD} bytes,
 * repeated, which each connection enters at its own offset. The byte expected at any stream
 * offset is known without remembering what was sent, so checking an echo is one vectorized
 * {@link ByteBuffer#mismatch} per chunk, and bytes that crossed between connections are caught.
 *
 * <p>The source holds the sequence twice, so that any window of up to {@code PERIOD} bytes is
 * one contiguous slice.
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

    /** A view of the source, for one user: position and limit are set per window. */
    static ByteBuffer newView() {
        return SOURCE.duplicate();
    }

    /**
     * Points {@code view} at the stream bytes [offset, offset + length) of a connection.
     *
     * @param view   a view from {@link #newView()}
     * @param shift  the connection's {@link #shift(int)}
     * @param offset the stream offset
     * @param length at most {@link #PERIOD}
     * @return {@code view}
     */
    static ByteBuffer window(ByteBuffer view, int shift, long offset, int length) {
        int start = (int) ((shift + offset) % PERIOD);
        view.limit(start + length).position(start);
        return view;
    }
}
