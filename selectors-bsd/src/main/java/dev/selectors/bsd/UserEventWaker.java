package dev.selectors.bsd;

import dev.selectors.posix.Errno;
import dev.selectors.posix.LibC;
import dev.selectors.posix.NativeMemory;
import dev.selectors.spi.NativeResources;
import dev.selectors.spi.Waker;
import java.io.IOException;

/**
 * Wake-up through an EVFILT_USER event on the selector's own kqueue (macOS, FreeBSD 11+,
 * NetBSD 10+): {@code NOTE_TRIGGER} fires it, and {@code EV_CLEAR} resets it when kevent returns
 * it, so there is no fd and nothing to drain. The selector adds the event; this fires it.
 */
final class UserEventWaker implements Waker {

    private final KqueueBinding kqueue;
    private final KeventLayout layout;
    private final int kq;
    private final int ident;
    // signal() runs on other threads (one at a time, under the selector's wake-up lock): its
    // change has memory of its own.
    private final NativeMemory change;

    UserEventWaker(LibC libc, KqueueBinding kqueue, KeventLayout layout, int kq, int ident, NativeResources owner) {
        this.kqueue = kqueue;
        this.layout = layout;
        this.kq = kq;
        this.ident = ident;
        this.change = owner.own(libc.allocate(layout.size()));
    }

    @Override
    public void signal() throws IOException {
        layout.put(change.buffer(), 0, ident, layout.evfiltUser(), 0, KeventLayout.NOTE_TRIGGER);
        Errno.check("kevent", kqueue.kevent(kq, change.address(), 1, 0, 0, 0));
    }

    @Override
    public void drain() {
        // EV_CLEAR reset the event when kevent returned it.
    }
}
