package dev.selectors.posix;

import dev.selectors.ErrnoException;

/**
 * Python's {@code BlockingIOError}: a non-blocking socket or pipe had nothing to read, or no
 * room to write ({@code EAGAIN}).
 *
 * <p>It carries no stack trace. On a non-blocking socket EAGAIN is flow control, met on the hot
 * path of every event loop (a full send buffer, a spurious wake-up), and filling in a stack
 * trace would cost more than the system call that failed; the message still names the call.
 */
public class BlockingIOException extends ErrnoException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param call        the call that would have blocked
     * @param errno       the errno, EAGAIN on this system
     * @param errnoName   "EAGAIN"
     * @param description the system's description
     */
    public BlockingIOException(String call, int errno, String errnoName, String description) {
        super(call, errno, errnoName, description);
    }

    /**
     * No stack trace: see the class comment.
     *
     * @return this exception
     */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
