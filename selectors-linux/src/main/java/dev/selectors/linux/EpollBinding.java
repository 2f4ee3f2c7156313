package dev.selectors.linux;

/**
 * The binding seam to Linux's epoll and eventfd calls: {@link EpollSelector} calls these,
 * never JNA or {@code java.lang.foreign} directly. The conventions are those of
 * {@link dev.selectors.posix.LibC}: a call returns its non-negative result or {@code -errno},
 * and pointers are {@code long} addresses.
 */
public interface EpollBinding {

    /**
     * epoll_create1(2).
     *
     * @param flags EPOLL_CLOEXEC
     * @return the epoll fd, or -errno
     */
    int epollCreate1(int flags);

    /**
     * epoll_ctl(2).
     *
     * @param epfd  the epoll fd
     * @param op    EPOLL_CTL_ADD, EPOLL_CTL_MOD or EPOLL_CTL_DEL
     * @param fd    the watched fd
     * @param event address of one {@code struct epoll_event} (ignored by DEL)
     * @return 0 or -errno
     */
    int epollCtl(int epfd, int op, int fd, long event);

    /**
     * epoll_wait(2).
     *
     * @param epfd          the epoll fd
     * @param events        address of a {@code struct epoll_event} array
     * @param maxEvents     its length, at least 1
     * @param timeoutMillis -1 to block, 0 to poll, or milliseconds
     * @return the number of events written, or -errno
     */
    int epollWait(int epfd, long events, int maxEvents, int timeoutMillis);

    /**
     * epoll_pwait2(2), Linux 5.11+: epoll_wait with a {@code struct timespec} timeout, and no
     * signal mask here.
     *
     * @param epfd      the epoll fd
     * @param events    address of a {@code struct epoll_event} array
     * @param maxEvents its length, at least 1
     * @param timeout   address of a {@code struct timespec { time_t tv_sec; long tv_nsec; }}
     * @return the number of events written, or -errno: -ENOSYS where the kernel or the C library
     *         predates the call
     */
    int epollPwait2(int epfd, long events, int maxEvents, long timeout);

    /**
     * eventfd(2).
     *
     * @param initval the counter's start
     * @param flags EFD_*
     * @return the fd, or -errno
     */
    int eventfd(int initval, int flags);
}
