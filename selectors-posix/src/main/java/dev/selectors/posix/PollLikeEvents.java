package dev.selectors.posix;

import static dev.selectors.Selector.EVENT_READ;
import static dev.selectors.Selector.EVENT_WRITE;

/**
 * The event mapping every poll-like backend shares (poll, epoll, /dev/poll): Python's
 * {@code _PollLikeSelector}, which names the mechanism's "in" and "out" bits and maps the rest
 * the same way for all of them.
 */
public final class PollLikeEvents {

    private PollLikeEvents() {
    }

    /**
     * The mechanism's bits for a READ/WRITE mask.
     *
     * @param events  {@code EVENT_READ} and/or {@code EVENT_WRITE}
     * @param inBit   the mechanism's "readable" bit (POLLIN, EPOLLIN)
     * @param outBit  the mechanism's "writable" bit (POLLOUT, EPOLLOUT)
     * @return the bits to ask the kernel for
     */
    public static int toNative(int events, int inBit, int outBit) {
        int bits = 0;
        if ((events & EVENT_READ) != 0) {
            bits |= inBit;
        }
        if ((events & EVENT_WRITE) != 0) {
            bits |= outBit;
        }
        return bits;
    }

    /**
     * Python's mapping of what the kernel reported: anything but "in" (out, error, hang-up,
     * invalid) makes the fd writable, anything but "out" makes it readable, so an error reaches
     * both kinds of waiter; the selector then masks with the key's own events.
     *
     * @param revents the bits the kernel reported
     * @param inBit   the mechanism's "readable" bit
     * @param outBit  the mechanism's "writable" bit
     * @return {@code EVENT_READ} and/or {@code EVENT_WRITE}
     */
    public static int fromNative(int revents, int inBit, int outBit) {
        int events = 0;
        if ((revents & ~inBit) != 0) {
            events |= EVENT_WRITE;
        }
        if ((revents & ~outBit) != 0) {
            events |= EVENT_READ;
        }
        return events;
    }
}
