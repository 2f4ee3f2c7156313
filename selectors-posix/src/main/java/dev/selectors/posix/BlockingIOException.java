package dev.selectors.posix;

import dev.selectors.ErrnoException;

/**
 * Python's {@code BlockingIOError}: a non-blocking socket or pipe had nothing to read, or no
 * room to write ({@code EAGAIN}).
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
}
