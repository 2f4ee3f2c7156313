package dev.selectors.linux;

import dev.selectors.posix.Errno;
import dev.selectors.posix.LibC;
import dev.selectors.posix.NativeArray;
import dev.selectors.posix.NativeMemory;
import dev.selectors.posix.Natives;
import dev.selectors.posix.PollLikeEvents;
import dev.selectors.posix.Waits;
import dev.selectors.spi.AbstractSelector;
import dev.selectors.spi.NativeResources;
import dev.selectors.spi.Timeouts;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Python's {@code EpollSelector}: epoll(7)-based, the default on Linux.
 *
 * <p>Level-triggered, like Python's. The event array is native memory owned by the selector,
 * kept at least as long as the number of registered fds plus the wake-up fd (Python sizes it
 * to the number of registered fds on every call) so that one select sees every ready fd; it
 * grows only when registrations outgrow it, never on a steady-state select. A select is one
 * epoll_wait call; register, modify and unregister are one epoll_ctl each, through one
 * preallocated {@code struct epoll_event}. A timeout with a fraction of a millisecond waits
 * through epoll_pwait2 (Linux 5.11+), to the nanosecond; where the kernel lacks it, through
 * epoll_wait rounding up, as Python does.
 */
public final class EpollSelector extends AbstractSelector {

    private static final EpollEventLayout LAYOUT = EpollEventLayout.CURRENT;
    private static final int MIN_EVENTS = 64;
    private static final int TIMESPEC_BYTES = 16;
    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final EpollBinding epoll;
    private final int epfd;
    // The eventfd that wakeup() makes readable.
    private final int wakeFd;
    // One struct epoll_event for epoll_ctl.
    private final NativeMemory ctlEvent;
    // The array epoll_wait fills.
    private final NativeArray events;
    // The struct timespec of epoll_pwait2, for timeouts with a fraction of a millisecond.
    private final NativeMemory timespec;
    // Until epoll_pwait2 answers ENOSYS (Linux before 5.11, glibc before 2.35).
    private boolean pwait2 = true;
    // The wait last made, named in its error.
    private String waitCallName = "epoll_wait";
    private final Waits.WaitCall waitCall = this::waitOnce;

    /**
     * Opens an epoll selector.
     *
     * @throws IOException epoll_create1 or eventfd failed (EMFILE...)
     * @throws UnsupportedOperationException epoll is unavailable here
     */
    public EpollSelector() throws IOException {
        this(Natives.libc(), Epoll.binding());
    }

    EpollSelector(LibC libc, EpollBinding epoll) throws IOException {
        super("epoll");
        this.epoll = epoll;
        NativeResources owned = resources();
        try {
            this.epfd = owned.ownFd(Errno.check("epoll_create1", epoll.epollCreate1(Epoll.EPOLL_CLOEXEC)), libc::close);
            this.ctlEvent = owned.own(libc.allocate(LAYOUT.size()));
            this.timespec = owned.own(libc.allocate(TIMESPEC_BYTES));
            this.events = owned.own(new NativeArray(libc, LAYOUT.size(), MIN_EVENTS));
            this.wakeFd = wakeWith(new EventFdWaker(libc, epoll, owned)).fd();
            ctl(Epoll.EPOLL_CTL_ADD, wakeFd, Epoll.EPOLLIN);
        } catch (Throwable failure) {
            close();
            throw failure;
        }
    }

    /**
     * Python's {@code EpollSelector.fileno()}.
     *
     * @return the epoll fd
     */
    public int fileno() {
        return epfd;
    }

    private static int toEpollEvents(int events) {
        return PollLikeEvents.toNative(events, Epoll.EPOLLIN, Epoll.EPOLLOUT);
    }

    private void ctl(int op, int fd, int epollEvents) throws IOException {
        LAYOUT.put(ctlEvent.buffer(), 0, epollEvents, fd);
        Errno.check("epoll_ctl", epoll.epollCtl(epfd, op, fd, ctlEvent.address()));
    }

    @Override
    protected void addInterest(int fd, int events) throws IOException {
        ctl(Epoll.EPOLL_CTL_ADD, fd, toEpollEvents(events));
    }

    @Override
    protected void changeInterest(int fd, int oldEvents, int newEvents) throws IOException {
        ctl(Epoll.EPOLL_CTL_MOD, fd, toEpollEvents(newEvents));
    }

    @Override
    protected void removeInterest(int fd, int events) {
        // A closed fd already left the epoll set: EBADF or ENOENT here is expected (Python
        // ignores OSError too).
        epoll.epollCtl(epfd, Epoll.EPOLL_CTL_DEL, fd, ctlEvent.address());
    }

    /**
     * One wait: epoll_wait for whole milliseconds, no limit or none at all; epoll_pwait2 for a
     * timeout with a fraction of a millisecond, which epoll_wait would round up (a 300 us wait
     * taking 1 ms).
     */
    private int waitOnce(long remainingNanos) {
        if (pwait2 && remainingNanos > 0 && remainingNanos % NANOS_PER_MILLI != 0) {
            ByteBuffer spec = timespec.buffer();
            spec.putLong(0, remainingNanos / NANOS_PER_SECOND);
            spec.putLong(8, remainingNanos % NANOS_PER_SECOND);
            int result = epoll.epollPwait2(epfd, events.address(), events.capacity(), timespec.address());
            if (result != -Errno.ENOSYS) {
                waitCallName = "epoll_pwait2";
                return result;
            }
            pwait2 = false;
        }
        waitCallName = "epoll_wait";
        return epoll.epollWait(epfd, events.address(), events.capacity(), Timeouts.toMillisRoundingUp(remainingNanos));
    }

    @Override
    protected void doSelect(long timeoutNanos) throws IOException {
        events.ensureCapacity(registeredCount() + 1);
        int result = Waits.untilNotInterrupted(timeoutNanos, waitCall);
        int readyCount = Errno.check(waitCallName, result);
        ByteBuffer buffer = events.buffer();
        for (int i = 0; i < readyCount; i++) {
            long entry = LAYOUT.entry(buffer, i);
            int fd = EpollEventLayout.fd(entry);
            if (fd == wakeFd) {
                wakeupReceived();
            } else {
                ready(fd, PollLikeEvents.fromNative(EpollEventLayout.events(entry), Epoll.EPOLLIN, Epoll.EPOLLOUT));
            }
        }
    }
}
