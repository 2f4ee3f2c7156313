package dev.selectors.posix;

import dev.selectors.spi.Waker;
import java.io.IOException;

/**
 * The classic self-pipe: {@link #signal()} writes a byte, the selector watches
 * {@link #readFd()} and {@link #drain()}s it. Both ends are non-blocking, so a full pipe (a
 * wake-up already pending) is not an error.
 */
public final class PipeWaker implements Waker {

    private final LibC libc;
    private final int readFd;
    private final int writeFd;
    // One byte to write, 64 to drain into; owned here, freed by close().
    private final NativeMemory scratch;
    private boolean closed;

    /**
     * Creates the pipe.
     *
     * @param libc the binding
     * @throws IOException the pipe could not be created
     */
    public PipeWaker(LibC libc) throws IOException {
        this.libc = libc;
        int[] fds = new int[2];
        Errno.check("pipe", libc.pipe(fds));
        readFd = fds[0];
        writeFd = fds[1];
        try {
            Descriptor.setBlocking(libc, readFd, false);
            Descriptor.setBlocking(libc, writeFd, false);
        } catch (IOException e) {
            libc.close(readFd);
            libc.close(writeFd);
            throw e;
        }
        scratch = libc.allocate(64);
        scratch.buffer().put(0, (byte) 1);
    }

    /**
     * Returns the fd to watch for reading.
     *
     * @return the fd to watch for reading
     */
    public int readFd() {
        return readFd;
    }

    /**
     * Makes {@link #readFd()} readable.
     *
     * @throws IOException the write failed for a reason other than a full pipe
     */
    @Override
    public void signal() throws IOException {
        long r = libc.write(writeFd, scratch.address(), 1);
        if (r < 0 && -r != Errno.EAGAIN && -r != Errno.EINTR) {
            throw Errno.exception("write", (int) -r);
        }
    }

    /**
     * Reads everything written so far, so that {@link #readFd()} is no longer readable.
     *
     * @throws IOException the read failed for a reason other than an empty pipe
     */
    @Override
    public void drain() throws IOException {
        for (;;) {
            long r = libc.read(readFd, scratch.address(), scratch.size());
            if (r < 0) {
                if (-r == Errno.EINTR) {
                    continue;
                }
                if (-r == Errno.EAGAIN) {
                    return;
                }
                throw Errno.exception("read", (int) -r);
            }
            if (r < scratch.size()) {
                return;
            }
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            libc.close(readFd);
            libc.close(writeFd);
            scratch.close();
        }
    }
}
