package dev.selectors.linux;

import dev.selectors.posix.Errno;
import dev.selectors.posix.LibC;
import dev.selectors.posix.NativeMemory;
import dev.selectors.spi.NativeResources;
import dev.selectors.spi.Waker;
import java.io.IOException;

/**
 * Wake-up through an eventfd: one fd instead of a pipe's two. {@link #signal()} adds 1 to the
 * counter, which makes the fd readable; {@link #drain()} reads (and so resets) it.
 */
final class EventFdWaker implements Waker {

    private final LibC libc;
    private final int fd;
    // The 8-byte counter value to write and the place to read it into.
    private final NativeMemory counter;

    /** Makes the eventfd and its counter memory, handed to {@code owner} as they are acquired. */
    EventFdWaker(LibC libc, EpollBinding epoll, NativeResources owner) throws IOException {
        this.libc = libc;
        this.fd = owner.ownFd(Errno.check("eventfd", epoll.eventfd(0, Epoll.EFD_CLOEXEC | Epoll.EFD_NONBLOCK)),
                libc::close);
        this.counter = owner.own(libc.allocate(16));
        counter.buffer().putLong(0, 1);
    }

    int fd() {
        return fd;
    }

    @Override
    public void signal() throws IOException {
        long r = libc.write(fd, counter.address(), 8);
        // EAGAIN: the counter is about to overflow, so a wake-up is already pending.
        if (r < 0 && -r != Errno.EAGAIN) {
            throw Errno.exception("write", (int) -r);
        }
    }

    @Override
    public void drain() throws IOException {
        long r = libc.read(fd, counter.address() + 8, 8);
        if (r < 0 && -r != Errno.EAGAIN) {
            throw Errno.exception("read", (int) -r);
        }
    }
}
