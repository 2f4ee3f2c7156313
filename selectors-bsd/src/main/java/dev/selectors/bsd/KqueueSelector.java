package dev.selectors.bsd;

import dev.selectors.posix.Errno;
import dev.selectors.posix.LibC;
import dev.selectors.posix.NativeArray;
import dev.selectors.posix.NativeMemory;
import dev.selectors.posix.Natives;
import dev.selectors.posix.PipeWaker;
import dev.selectors.posix.Waits;
import dev.selectors.spi.AbstractSelector;
import dev.selectors.spi.NativeResources;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Python's {@code KqueueSelector}: kqueue(2)-based, the default on macOS and the BSDs.
 *
 * <p>READ and WRITE are separate filters, as in Python: register adds one or two, each applied
 * at once (kevent with no event list), so the kernel's refusal reaches the caller of register.
 * The event list holds at least one entry per registered filter, so one select sees both
 * filters of every fd; it grows with registrations, never during a steady-state select.
 * Timeouts are {@code struct timespec} (nanoseconds, no rounding needed). The wake-up is an
 * EVFILT_USER event (EV_CLEAR, fired with NOTE_TRIGGER) where the system has that filter, and a
 * self-pipe registered for reading elsewhere.
 */
public final class KqueueSelector extends AbstractSelector {

    private static final int READ_FILTER = 1;
    private static final int WRITE_FILTER = 2;
    // The EVFILT_USER ident; the ident space is per filter, so it meets no fd.
    private static final int WAKE_IDENT = 0;

    private final KqueueBinding kqueue;
    private final KeventLayout layout;
    private final int kq;
    // The wake-up pipe's read end, or -1 where an EVFILT_USER event does the wake-up.
    private final int wakeFd;
    // One change for kevent(2) and a struct timespec { time_t tv_sec; long tv_nsec; } (LP64).
    private final NativeMemory change;
    private final NativeMemory timespec;
    private final NativeArray events;
    // The filters the kernel holds per fd (READ_FILTER | WRITE_FILTER), and their total.
    private int[] filtersByFd = new int[64];
    private int filterCount;
    private final Waits.WaitCall waitCall = this::waitOnce;

    /**
     * Opens a kqueue selector.
     *
     * @throws IOException kqueue(2) or the wake-up pipe failed
     * @throws UnsupportedOperationException kqueue is unavailable here
     */
    public KqueueSelector() throws IOException {
        this(Natives.libc(), Kqueue.binding(), Kqueue.layout());
    }

    KqueueSelector(LibC libc, KqueueBinding kqueue, KeventLayout layout) throws IOException {
        super("kqueue");
        this.kqueue = kqueue;
        this.layout = layout;
        NativeResources owned = resources();
        try {
            this.kq = owned.ownFd(Errno.check("kqueue", kqueue.kqueue()), libc::close);
            this.change = owned.own(libc.allocate(layout.size()));
            this.timespec = owned.own(libc.allocate(16));
            this.events = owned.own(new NativeArray(libc, layout.size(), 64));
            if (layout.evfiltUser() != 0) {
                wakeWith(new UserEventWaker(libc, kqueue, layout, kq, WAKE_IDENT, owned));
                this.wakeFd = -1;
                apply(WAKE_IDENT, layout.evfiltUser(), KeventLayout.EV_ADD | KeventLayout.EV_CLEAR);
            } else {
                this.wakeFd = wakeWith(new PipeWaker(libc, owned)).readFd();
                apply(wakeFd, layout.evfiltRead(), KeventLayout.EV_ADD);
            }
        } catch (Throwable failure) {
            close();
            throw failure;
        }
    }

    /**
     * Python's {@code KqueueSelector.fileno()}.
     *
     * @return the kqueue fd
     */
    public int fileno() {
        return kq;
    }

    /** Applies one change now; -errno when the kernel refused it. */
    private int change(int fd, int filter, int flags) {
        layout.put(change.buffer(), 0, fd, filter, flags);
        return kqueue.kevent(kq, change.address(), 1, 0, 0, 0);
    }

    private void apply(int fd, int filter, int flags) throws IOException {
        Errno.check("kevent", change(fd, filter, flags));
    }

    private void setFilters(int fd, int filters) {
        if (fd >= filtersByFd.length) {
            filtersByFd = Arrays.copyOf(filtersByFd, Math.max(fd + 1, filtersByFd.length * 2));
        }
        filterCount += Integer.bitCount(filters) - Integer.bitCount(filtersByFd[fd]);
        filtersByFd[fd] = filters;
    }

    private int filters(int fd) {
        return fd < filtersByFd.length ? filtersByFd[fd] : 0;
    }

    @Override
    protected void addInterest(int fd, int events) throws IOException {
        if ((events & EVENT_READ) != 0) {
            apply(fd, layout.evfiltRead(), KeventLayout.EV_ADD);
            setFilters(fd, READ_FILTER);
        }
        if ((events & EVENT_WRITE) != 0) {
            try {
                apply(fd, layout.evfiltWrite(), KeventLayout.EV_ADD);
            } catch (IOException | RuntimeException e) {
                removeInterest(fd, events);
                throw e;
            }
            setFilters(fd, filters(fd) | WRITE_FILTER);
        }
    }

    @Override
    protected void changeInterest(int fd, int oldEvents, int newEvents) throws IOException {
        // Python's modify is unregister, then register: deletes never fail the call, adds do.
        int wanted = ((newEvents & EVENT_READ) != 0 ? READ_FILTER : 0) | ((newEvents & EVENT_WRITE) != 0 ? WRITE_FILTER : 0);
        int held = filters(fd);
        if ((held & READ_FILTER) != 0 && (wanted & READ_FILTER) == 0) {
            change(fd, layout.evfiltRead(), KeventLayout.EV_DELETE);
            held &= ~READ_FILTER;
        }
        if ((held & WRITE_FILTER) != 0 && (wanted & WRITE_FILTER) == 0) {
            change(fd, layout.evfiltWrite(), KeventLayout.EV_DELETE);
            held &= ~WRITE_FILTER;
        }
        setFilters(fd, held);
        if ((wanted & READ_FILTER) != 0 && (held & READ_FILTER) == 0) {
            apply(fd, layout.evfiltRead(), KeventLayout.EV_ADD);
            setFilters(fd, filters(fd) | READ_FILTER);
        }
        if ((wanted & WRITE_FILTER) != 0 && (held & WRITE_FILTER) == 0) {
            apply(fd, layout.evfiltWrite(), KeventLayout.EV_ADD);
            setFilters(fd, filters(fd) | WRITE_FILTER);
        }
    }

    @Override
    protected void removeInterest(int fd, int events) {
        // A closed fd already lost its filters: EBADF or ENOENT here is expected (Python ignores them).
        int held = filters(fd);
        if ((held & READ_FILTER) != 0) {
            change(fd, layout.evfiltRead(), KeventLayout.EV_DELETE);
        }
        if ((held & WRITE_FILTER) != 0) {
            change(fd, layout.evfiltWrite(), KeventLayout.EV_DELETE);
        }
        setFilters(fd, 0);
    }

    private int waitOnce(long remainingNanos) {
        long timeout = 0;
        if (remainingNanos >= 0) {
            timespec.buffer().putLong(0, remainingNanos / 1_000_000_000L);
            timespec.buffer().putLong(8, remainingNanos % 1_000_000_000L);
            timeout = timespec.address();
        }
        return kqueue.kevent(kq, 0, 0, events.address(), events.capacity(), timeout);
    }

    @Override
    protected void doSelect(long timeoutNanos) throws IOException {
        // Python: max(number of registered filters, 1); plus the wake-up's filter.
        events.ensureCapacity(filterCount + 1);
        int readyCount = Errno.check("kevent", Waits.untilNotInterrupted(timeoutNanos, waitCall));
        ByteBuffer buffer = events.buffer();
        for (int i = 0; i < readyCount; i++) {
            int fd = layout.ident(buffer, i);
            int filter = layout.filter(buffer, i);
            if (wakeFd < 0 ? filter == layout.evfiltUser() : fd == wakeFd && filter == layout.evfiltRead()) {
                wakeupReceived();
                continue;
            }
            // As Python: the filter says which event; EV_EOF and EV_ERROR still mean "ready".
            if (filter == layout.evfiltRead()) {
                ready(fd, EVENT_READ);
            } else if (filter == layout.evfiltWrite()) {
                ready(fd, EVENT_WRITE);
            }
        }
    }

    /**
     * Returns whether wake-ups go through EVFILT_USER rather than a pipe.
     *
     * @return whether wake-ups go through EVFILT_USER rather than a pipe
     */
    boolean wakesThroughUserFilter() {
        return wakeFd < 0;
    }
}
