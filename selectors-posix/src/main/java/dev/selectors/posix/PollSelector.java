package dev.selectors.posix;

import dev.selectors.spi.AbstractSelector;
import dev.selectors.spi.Timeouts;
import java.io.IOException;
import java.util.Arrays;

/**
 * Python's {@code PollSelector}: poll(2)-based.
 *
 * <p>The {@code struct pollfd} array lives in native memory and is kept up to date by
 * register, modify and unregister, so a select is one poll(2) call and a scan of the entries it
 * reports, with no allocation. Entry 0 is the wake-up pipe.
 */
public final class PollSelector extends AbstractSelector {

    private final LibC libc;
    private final PollFdArray pollFds;
    // fd -> index in pollFds, -1 when absent; an array so that no lookup boxes an Integer.
    private int[] indexByFd = new int[64];
    private final Waits.WaitCall pollCall = this::pollOnce;

    /**
     * Opens a poll selector.
     *
     * @throws IOException the wake-up pipe could not be created
     */
    public PollSelector() throws IOException {
        this(Natives.libc());
    }

    PollSelector(LibC libc) throws IOException {
        super("poll");
        this.libc = libc;
        Arrays.fill(indexByFd, -1);
        try {
            PipeWaker waker = wakeWith(new PipeWaker(libc, resources()));
            this.pollFds = resources().own(new PollFdArray(libc, 64));
            // Slot 0: the wake-up pipe.
            pollFds.add(waker.readFd(), PosixConstants.POLLIN);
        } catch (Throwable failure) {
            close();
            throw failure;
        }
    }

    private static short toPollEvents(int events) {
        return (short) PollLikeEvents.toNative(events, PosixConstants.POLLIN, PosixConstants.POLLOUT);
    }

    @Override
    protected void addInterest(int fd, int events) {
        if (fd >= indexByFd.length) {
            int oldLength = indexByFd.length;
            indexByFd = Arrays.copyOf(indexByFd, Math.max(fd + 1, oldLength * 2));
            Arrays.fill(indexByFd, oldLength, indexByFd.length, -1);
        }
        indexByFd[fd] = pollFds.add(fd, toPollEvents(events));
    }

    @Override
    protected void changeInterest(int fd, int oldEvents, int newEvents) {
        pollFds.setEvents(indexByFd[fd], toPollEvents(newEvents));
    }

    @Override
    protected void removeInterest(int fd, int events) {
        int index = indexByFd[fd];
        indexByFd[fd] = -1;
        int movedFd = pollFds.remove(index);
        if (movedFd >= 0) {
            indexByFd[movedFd] = index;
        }
    }

    private int pollOnce(long remainingNanos) {
        return libc.poll(pollFds.address(), pollFds.count(), Timeouts.toMillisRoundingUp(remainingNanos));
    }

    @Override
    protected void doSelect(long timeoutNanos) throws IOException {
        int readyCount = Errno.check("poll", Waits.untilNotInterrupted(timeoutNanos, pollCall));
        for (int i = 0, found = 0; found < readyCount && i < pollFds.count(); i++) {
            short revents = pollFds.revents(i);
            if (revents == 0) {
                continue;
            }
            found++;
            if (i == 0) {
                wakeupReceived();
            } else {
                ready(pollFds.fd(i), PollLikeEvents.fromNative(revents, PosixConstants.POLLIN, PosixConstants.POLLOUT));
            }
        }
    }
}
