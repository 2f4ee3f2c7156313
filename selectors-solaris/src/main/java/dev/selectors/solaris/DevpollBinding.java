package dev.selectors.solaris;

/**
 * The binding seam to /dev/poll: the calls {@link DevpollSelector} makes on its /dev/poll fd,
 * from the C library (or, in tests, the emulation library). Conventions of
 * {@link dev.selectors.posix.LibC}: the result or {@code -errno}; pointers as {@code long}.
 */
public interface DevpollBinding {

    /**
     * open(2) of "/dev/poll".
     *
     * @return the fd, or -errno
     */
    int openDevpoll();

    /**
     * write(2) of pollfd records.
     *
     * @param fd the /dev/poll fd
     * @param buf records
     * @param len bytes
     * @return bytes written, or -errno
     */
    long write(int fd, long buf, long len);

    /**
     * ioctl(2) with DP_POLL.
     *
     * @param fd the /dev/poll fd
     * @param dvpoll a struct dvpoll
     * @return ready fds, or -errno
     */
    int dpPoll(int fd, long dvpoll);

    /**
     * close(2) of the /dev/poll fd.
     *
     * @param fd the fd
     * @return 0 or -errno
     */
    int close(int fd);
}
