package dev.selectors;

import java.io.IOException;

/**
 * Python's {@code OSError}: a system call failed with an {@code errno}.
 *
 * <p>The message names the call, the symbolic errno and the system's description, for example
 * {@code "epoll_ctl: EBADF (Bad file descriptor)"}.
 */
public class ErrnoException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The system call that failed. */
    private final String call;
    /** The numeric errno, as this operating system defines it. */
    private final int errno;
    /** The errno's symbolic name. */
    private final String errnoName;

    /**
     * Creates the exception for a failed call.
     *
     * @param call        the system call that failed, for example {@code "epoll_ctl"}
     * @param errno       the numeric errno, as this operating system defines it
     * @param errnoName   its symbolic name, for example {@code "ECONNRESET"}
     * @param description the system's description of the error ({@code strerror})
     */
    public ErrnoException(String call, int errno, String errnoName, String description) {
        super(call + ": " + errnoName + " (" + description + ")");
        this.call = call;
        this.errno = errno;
        this.errnoName = errnoName;
    }

    /**
     * Python's {@code OSError.errno}.
     *
     * @return the numeric errno, as this operating system defines it
     */
    public int errno() {
        return errno;
    }

    /**
     * Python's {@code errno.errorcode[e.errno]}.
     *
     * @return the symbolic name, such as {@code "EAGAIN"}; {@code "errno N"} when unknown
     */
    public String errnoName() {
        return errnoName;
    }

    /**
     * The system call that failed; Python keeps this only in the message.
     *
     * @return the call's name, for example {@code "recv"}
     */
    public String call() {
        return call;
    }
}
