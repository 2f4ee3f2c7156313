package dev.selectors.solaris;

import dev.selectors.posix.Errno;
import dev.selectors.posix.LibC;
import dev.selectors.posix.NativeArray;
import dev.selectors.posix.NativeMemory;
import dev.selectors.posix.Natives;
import dev.selectors.posix.PipeWaker;
import dev.selectors.posix.PollFdArray;
import dev.selectors.posix.PollLikeEvents;
import dev.selectors.posix.PosixConstants;
import dev.selectors.posix.Waits;
import dev.selectors.spi.AbstractSelector;
import dev.selectors.spi.NativeResources;
import dev.selectors.spi.Timeouts;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Python's {@code DevpollSelector}: /dev/poll-based (Solaris and illumos).
 *
 * <p>Interest is told to the kernel by writing {@code pollfd} records to the /dev/poll fd: a
 * record adds (ORs) events, a record with POLLREMOVE removes the fd, so changing a mask writes
 * POLLREMOVE and then the new record (as CPython and libevent do). A select is one
 * {@code ioctl(DP_POLL)} into a preallocated pollfd array through a zeroed 32-byte
 * {@code struct dvpoll}; the array holds one entry per registered fd plus the wake-up pipe and
 * grows only with registrations. Timeouts are whole milliseconds, rounded up.
 */
public final class DevpollSelector extends AbstractSelector {

    private final DevpollBinding devpoll;
    private final int dpfd;
    // The wake-up pipe's read end, always watched.
    private final int wakeFd;
    // Two pollfd records to write (POLLREMOVE, then the new mask), and the struct dvpoll.
    private final NativeMemory records;
    private final NativeMemory dvpoll;
    private final NativeArray results;
    private final Waits.WaitCall pollCall = this::pollOnce;

    /**
     * Opens a /dev/poll selector.
     *
     * @throws IOException /dev/poll could not be opened
     * @throws UnsupportedOperationException /dev/poll is unavailable here
     */
    public DevpollSelector() throws IOException {
        this(Natives.libc(), Solaris.binding());
    }

    DevpollSelector(LibC libc, DevpollBinding devpoll) throws IOException {
        super("devpoll");
        this.devpoll = devpoll;
        NativeResources owned = resources();
        try {
            this.dpfd = owned.ownFd(Errno.check("open(/dev/poll)", devpoll.openDevpoll()), devpoll::close);
            this.records = owned.own(libc.allocate(2L * PollFdArray.SIZE));
            this.dvpoll = owned.own(libc.allocate(SolarisAbi.DVPOLL_SIZE));
            this.results = owned.own(new NativeArray(libc, PollFdArray.SIZE, 64));
            this.wakeFd = wakeWith(new PipeWaker(libc, owned)).readFd();
            write(wakeFd, PosixConstants.POLLIN, false);
        } catch (Throwable failure) {
            close();
            throw failure;
        }
    }

    /**
     * Python's {@code DevpollSelector.fileno()}.
     *
     * @return the /dev/poll fd
     */
    public int fileno() {
        return dpfd;
    }

    /** Writes {fd, POLLREMOVE} first when {@code replace}, then {fd, events} when events != 0. */
    private void write(int fd, int events, boolean replace) throws IOException {
        ByteBuffer buffer = records.buffer();
        int count = 0;
        if (replace) {
            putRecord(buffer, count++, fd, SolarisAbi.POLLREMOVE);
        }
        if (events != 0) {
            putRecord(buffer, count++, fd, (short) events);
        }
        long length = (long) count * PollFdArray.SIZE;
        long written = Errno.check("write(/dev/poll)", devpoll.write(dpfd, records.address(), length));
        if (written != length) {
            throw new IOException("write(/dev/poll): wrote " + written + " of " + length + " bytes");
        }
    }

    private static void putRecord(ByteBuffer buffer, int index, int fd, short events) {
        int base = index * PollFdArray.SIZE;
        buffer.putInt(base + PollFdArray.OFFSET_FD, fd);
        buffer.putShort(base + PollFdArray.OFFSET_EVENTS, events);
        buffer.putShort(base + PollFdArray.OFFSET_REVENTS, (short) 0);
    }

    private static int toPollEvents(int events) {
        return PollLikeEvents.toNative(events, PosixConstants.POLLIN, PosixConstants.POLLOUT);
    }

    @Override
    protected void addInterest(int fd, int events) throws IOException {
        write(fd, toPollEvents(events), false);
    }

    @Override
    protected void changeInterest(int fd, int oldEvents, int newEvents) throws IOException {
        write(fd, toPollEvents(newEvents), true);
    }

    @Override
    protected void removeInterest(int fd, int events) {
        try {
            write(fd, 0, true);
        } catch (IOException ignored) {
            // As Python: the fd may be closed already; the selector stays usable.
        }
    }

    /** DP_POLL does not report the time left after EINTR: it is recomputed (as the JDK's idevpoll does). */
    private int pollOnce(long remainingNanos) {
        dvpoll.buffer().putInt(SolarisAbi.DVPOLL_TIMEOUT, Timeouts.toMillisRoundingUp(remainingNanos));
        return devpoll.dpPoll(dpfd, dvpoll.address());
    }

    @Override
    protected void doSelect(long timeoutNanos) throws IOException {
        results.ensureCapacity(registeredCount() + 1);
        ByteBuffer header = dvpoll.buffer();
        header.putLong(SolarisAbi.DVPOLL_FDS, results.address());
        header.putLong(SolarisAbi.DVPOLL_NFDS, results.capacity());
        int readyCount = Errno.check("ioctl(DP_POLL)", Waits.untilNotInterrupted(timeoutNanos, pollCall));
        ByteBuffer ready = results.buffer();
        for (int i = 0; i < readyCount; i++) {
            int base = i * PollFdArray.SIZE;
            int fd = ready.getInt(base + PollFdArray.OFFSET_FD);
            int revents = ready.getShort(base + PollFdArray.OFFSET_REVENTS);
            if (fd == wakeFd) {
                wakeupReceived();
            } else {
                ready(fd, PollLikeEvents.fromNative(revents, PosixConstants.POLLIN, PosixConstants.POLLOUT));
            }
        }
    }
}
