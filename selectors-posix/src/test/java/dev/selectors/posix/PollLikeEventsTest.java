package dev.selectors.posix;

import static dev.selectors.Selector.EVENT_READ;
import static dev.selectors.Selector.EVENT_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Python's _PollLikeSelector mapping, with poll's bits (epoll's in and out bits are the same values). */
class PollLikeEventsTest {

    private static final int IN = PosixConstants.POLLIN;
    private static final int OUT = PosixConstants.POLLOUT;

    @Test
    void readAndWriteBecomeInAndOut() {
        assertEquals(IN, PollLikeEvents.toNative(EVENT_READ, IN, OUT));
        assertEquals(OUT, PollLikeEvents.toNative(EVENT_WRITE, IN, OUT));
        assertEquals(IN | OUT, PollLikeEvents.toNative(EVENT_READ | EVENT_WRITE, IN, OUT));
    }

    @Test
    void errorsAndHangUpsWakeBothKindsOfWaiter() {
        assertEquals(EVENT_READ, PollLikeEvents.fromNative(IN, IN, OUT));
        assertEquals(EVENT_WRITE, PollLikeEvents.fromNative(OUT, IN, OUT));
        assertEquals(EVENT_READ | EVENT_WRITE, PollLikeEvents.fromNative(PosixConstants.POLLHUP, IN, OUT));
        assertEquals(EVENT_READ | EVENT_WRITE, PollLikeEvents.fromNative(PosixConstants.POLLERR | IN, IN, OUT));
        assertEquals(EVENT_READ | EVENT_WRITE, PollLikeEvents.fromNative(PosixConstants.POLLNVAL, IN, OUT));
        assertEquals(0, PollLikeEvents.fromNative(0, IN, OUT));
    }
}
