package dev.selectors.posix;

import dev.selectors.spi.NativeResources;
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
    // One byte to write, 64 to drain into.
    private final NativeMemory scratch;

    /**
     * Creates the pipe, handing both ends and its memory to {@code owner} as it acquires them.
     *
     * @param libc  the binding
     * @param owner the selector's resources, which close the pipe with the selector
     * @throws IOException the pipe could not be created or made non-blocking
     */
    public PipeWaker(LibC libc, NativeResources owner) throws IOException {
        this.libc = libc;
        int[] fds = new int[2];
        Errno.check("pipe", libc.pipe(fds));
        readFd = owner.ownFd(fds[0], libc::close);
        writeFd = owner.ownFd(fds[1], libc::close);
        Descriptor.setBlocking(libc, readFd, false);
        Descriptor.setBlocking(libc, writeFd, false);
        scratch = owner.own(libc.allocate(64));
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
}
