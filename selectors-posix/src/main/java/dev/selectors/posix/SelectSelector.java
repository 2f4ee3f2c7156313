package dev.selectors.posix;

import dev.selectors.spi.AbstractSelector;
import java.io.IOException;

/**
 * Python's {@code SelectSelector}: select(2)-based, the last resort.
 *
 * <p>select(2) can only watch fds below {@code FD_SETSIZE} (1024 on Linux and macOS), so
 * register refuses larger fds with an {@link IllegalArgumentException}, as Python's
 * {@code select.select} refuses them with ValueError; nothing is ever written past a set.
 * The read and write sets are kept as Java bit sets and copied into preallocated native
 * {@code fd_set}s before each call, since select(2) overwrites them.
 */
public final class SelectSelector extends AbstractSelector {

    private static final int FD_SETSIZE = PosixConstants.FD_SETSIZE;

    private final LibC libc;
    // The wake-up pipe's read end, always in the read set.
    private final int wakeFd;
    private final long[] readBits = new long[FD_SETSIZE / 64];
    private final long[] writeBits = new long[FD_SETSIZE / 64];
    private final FdSet readSet;
    private final FdSet writeSet;
    // struct timeval { time_t tv_sec; suseconds_t tv_usec; }: 16 bytes on LP64 targets. macOS's
    // tv_usec is an int32 followed by padding; a little-endian 8-byte store there is the same.
    private final NativeMemory timeval;
    private int maxFd;
    private final Waits.WaitCall selectCall = this::selectOnce;

    /**
     * Opens a select selector.
     *
     * @throws IOException the wake-up pipe could not be created, or got an fd at or above
     *                     FD_SETSIZE
     */
    public SelectSelector() throws IOException {
        this(Natives.libc());
    }

    SelectSelector(LibC libc) throws IOException {
        super("select");
        this.libc = libc;
        try {
            int wordBytes = PosixConstants.FD_SET_WORD_BYTES;
            this.readSet = resources().own(new FdSet(libc, FD_SETSIZE, wordBytes));
            this.writeSet = resources().own(new FdSet(libc, FD_SETSIZE, wordBytes));
            this.timeval = resources().own(libc.allocate(16));
            this.wakeFd = wakeWith(new PipeWaker(libc, resources())).readFd();
            if (wakeFd >= FD_SETSIZE) {
                throw new IOException("select: the wake-up pipe got fd " + wakeFd
                        + ", at or above FD_SETSIZE (" + FD_SETSIZE + "); use the poll selector");
            }
        } catch (Throwable failure) {
            close();
            throw failure;
        }
        setBit(readBits, wakeFd);
        maxFd = wakeFd;
    }

    private static void setBit(long[] bits, int fd) {
        bits[fd >>> 6] |= 1L << (fd & 63);
    }

    private static void clearBit(long[] bits, int fd) {
        bits[fd >>> 6] &= ~(1L << (fd & 63));
    }

    @Override
    protected void checkFd(int fd) {
        if (fd >= FD_SETSIZE) {
            throw new IllegalArgumentException("filedescriptor out of range in select(): fd " + fd
                    + " is not below FD_SETSIZE (" + FD_SETSIZE + "); use the poll or the default selector");
        }
    }

    @Override
    protected void addInterest(int fd, int events) {
        if ((events & EVENT_READ) != 0) {
            setBit(readBits, fd);
        }
        if ((events & EVENT_WRITE) != 0) {
            setBit(writeBits, fd);
        }
        maxFd = Math.max(maxFd, fd);
    }

    @Override
    protected void changeInterest(int fd, int oldEvents, int newEvents) {
        clearBit(readBits, fd);
        clearBit(writeBits, fd);
        addInterest(fd, newEvents);
    }

    @Override
    protected void removeInterest(int fd, int events) {
        clearBit(readBits, fd);
        clearBit(writeBits, fd);
        if (fd == maxFd) {
            maxFd = wakeFd;
            for (int f = fd - 1; f > maxFd; f--) {
                if (keyFor(f) != null) {
                    maxFd = f;
                    break;
                }
            }
        }
    }

    /** select(2) overwrites the sets and the timeval: both are loaded again for every call. */
    private int selectOnce(long remainingNanos) {
        int nfds = maxFd + 1;
        readSet.load(readBits, nfds);
        writeSet.load(writeBits, nfds);
        long timeout = 0;
        if (remainingNanos >= 0) {
            // Round up to whole microseconds, as CPython does (_PyTime_ROUND_CEILING).
            long micros = remainingNanos / 1000 + (remainingNanos % 1000 == 0 ? 0 : 1);
            timeval.buffer().putLong(0, micros / 1_000_000);
            timeval.buffer().putLong(8, micros % 1_000_000);
            timeout = timeval.address();
        }
        return libc.select(nfds, readSet.address(), writeSet.address(), 0, timeout);
    }

    @Override
    protected void doSelect(long timeoutNanos) throws IOException {
        int nfds = maxFd + 1;
        int readyCount = Errno.check("select", Waits.untilNotInterrupted(timeoutNanos, selectCall));
        if (readyCount == 0) {
            return;
        }
        for (int word = 0; word < (nfds + 63) >>> 6; word++) {
            long readable = readSet.bits64(word) & readBits[word];
            long writable = writeSet.bits64(word) & writeBits[word];
            long any = readable | writable;
            while (any != 0) {
                int bit = Long.numberOfTrailingZeros(any);
                any &= any - 1;
                int fd = word * 64 + bit;
                if (fd == wakeFd) {
                    wakeupReceived();
                    continue;
                }
                int events = ((readable >>> bit) & 1) != 0 ? EVENT_READ : 0;
                if (((writable >>> bit) & 1) != 0) {
                    events |= EVENT_WRITE;
                }
                ready(fd, events);
            }
        }
    }
}
