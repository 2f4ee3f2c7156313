package dev.selectors.linux.ffm;

import dev.selectors.linux.EpollBinding;
import dev.selectors.linux.EpollSyscallNumbers;
import dev.selectors.posix.Errno;
import dev.selectors.posix.ffm.Downcall;
import dev.selectors.posix.ffm.LinuxSyscalls;
import java.util.Map;
import java.util.function.Function;

/**
 * epoll and eventfd through the FFM API (Java 22+): each call a {@link Downcall}, linked once
 * through the C library binding's strategy: system calls numbered by
 * {@link EpollSyscallNumbers} where {@link LinuxSyscalls} allows, {@link EpollFunctions}
 * otherwise. Chosen when the C library binding in use is FFM.
 *
 * <p>Both waits pass what epoll_pwait and epoll_pwait2 take: no signal mask and the kernel's
 * sigset_t size. The C functions take fewer arguments and their downcalls drop the rest.
 */
public final class FfmEpollBinding implements EpollBinding {

    /** The kernel's sigset_t (64 signals), which epoll_pwait checks only when given a mask. */
    private static final long KERNEL_SIGSET_BYTES = 8;
    private static final long NO_SIGNAL_MASK = 0;

    // The wait is epoll_pwait with no signal mask (what glibc's epoll_wait does, without its
    // cancellation-point overhead); eventfd is eventfd2.
    private static final Function<String, Downcall> LINK = LinuxSyscalls.ENABLED
            ? LinuxSyscalls.linker(EpollSyscallNumbers.forArch(System.getProperty("os.arch", "")),
                    Map.of("epoll_wait", "epoll_pwait", "eventfd", "eventfd2"))
            : EpollFunctions::link;
    private static final Downcall CREATE1 = LINK.apply("epoll_create1");
    private static final Downcall CTL = LINK.apply("epoll_ctl");
    private static final Downcall WAIT = LINK.apply("epoll_wait");
    // Null where the C library has no epoll_pwait2 (glibc before 2.35).
    private static final Downcall PWAIT2 = LINK.apply("epoll_pwait2");
    private static final Downcall EVENTFD = LINK.apply("eventfd");

    /** Made once by the epoll façade; the calls are linked with the class. */
    public FfmEpollBinding() {
    }

    @Override
    public int epollCreate1(int flags) {
        return (int) CREATE1.call(flags);
    }

    @Override
    public int epollCtl(int epfd, int op, int fd, long event) {
        return (int) CTL.call(epfd, op, fd, event);
    }

    @Override
    public int epollWait(int epfd, long events, int maxEvents, int timeoutMillis) {
        return (int) WAIT.callPerMessage(epfd, events, maxEvents, timeoutMillis, NO_SIGNAL_MASK, KERNEL_SIGSET_BYTES);
    }

    @Override
    public int epollPwait2(int epfd, long events, int maxEvents, long timeout) {
        return PWAIT2 == null ? -Errno.ENOSYS
                : (int) PWAIT2.callPerMessage(epfd, events, maxEvents, timeout, NO_SIGNAL_MASK, KERNEL_SIGSET_BYTES);
    }

    @Override
    public int eventfd(int initval, int flags) {
        return (int) EVENTFD.call(initval, flags);
    }
}
