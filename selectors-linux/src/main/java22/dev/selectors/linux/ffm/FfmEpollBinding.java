package dev.selectors.linux.ffm;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.selectors.linux.EpollBinding;
import dev.selectors.linux.EpollSyscallNumbers;
import dev.selectors.posix.Errno;
import dev.selectors.posix.ffm.Downcalls;
import dev.selectors.posix.ffm.LinuxSyscalls;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.Map;

/**
 * epoll and eventfd through the FFM API (Java 22+): errno captured by the call and read only on
 * failure. Chosen when the C library binding in use is FFM. Where {@link LinuxSyscalls} allows,
 * every call is a system call through its one {@code syscall(2)} handle, and the wait is
 * epoll_pwait with no signal mask (what glibc's epoll_wait does, without its cancellation-point
 * overhead); otherwise the C library's functions, linked on first use.
 */
public final class FfmEpollBinding implements EpollBinding {

    /** The kernel's sigset_t (64 signals), which epoll_pwait checks only when given a mask. */
    private static final long KERNEL_SIGSET_BYTES = 8;

    private static final boolean DIRECT = LinuxSyscalls.ENABLED;
    private static final Map<String, Long> NUMBERS =
            DIRECT ? EpollSyscallNumbers.forArch(System.getProperty("os.arch", "")) : Map.of();
    private static final long SYS_EPOLL_CREATE1 = NUMBERS.getOrDefault("epoll_create1", -1L);
    private static final long SYS_EPOLL_CTL = NUMBERS.getOrDefault("epoll_ctl", -1L);
    private static final long SYS_EPOLL_PWAIT = NUMBERS.getOrDefault("epoll_pwait", -1L);
    private static final long SYS_EPOLL_PWAIT2 = NUMBERS.getOrDefault("epoll_pwait2", -1L);
    private static final long SYS_EVENTFD2 = NUMBERS.getOrDefault("eventfd2", -1L);

    /** The C library's functions, linked only when calls do not go through syscall(2). */
    private static final class Named {
        static final MethodHandle EPOLL_CREATE1 =
                Downcalls.capturingErrno("epoll_create1", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        static final MethodHandle EPOLL_CTL = Downcalls.capturingErrno("epoll_ctl",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
        static final MethodHandle EPOLL_WAIT = Downcalls.capturingErrno("epoll_wait",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_INT));
        static final MethodHandle EPOLL_PWAIT2 = Downcalls.optionalCapturingErrno("epoll_pwait2",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG)).orElse(null);
        static final MethodHandle EVENTFD =
                Downcalls.capturingErrno("eventfd", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    }

    @Override
    public int epollCreate1(int flags) {
        if (DIRECT) {
            return (int) LinuxSyscalls.call(SYS_EPOLL_CREATE1, flags);
        }
        MemorySegment state = Downcalls.captureState();
        try {
            return Downcalls.result((int) Named.EPOLL_CREATE1.invokeExact(state, flags), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int epollCtl(int epfd, int op, int fd, long event) {
        if (DIRECT) {
            return (int) LinuxSyscalls.call(SYS_EPOLL_CTL, epfd, op, fd, event);
        }
        MemorySegment state = Downcalls.captureState();
        try {
            return Downcalls.result((int) Named.EPOLL_CTL.invokeExact(state, epfd, op, fd, event), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int epollWait(int epfd, long events, int maxEvents, int timeoutMillis) {
        MemorySegment state = Downcalls.captureState();
        try {
            // Invoked here, not through LinuxSyscalls.call: see LinuxSyscalls.SYSCALL.
            int r = DIRECT
                    ? (int) (long) LinuxSyscalls.SYSCALL.invokeExact(state, SYS_EPOLL_PWAIT, (long) epfd,
                            events, (long) maxEvents, (long) timeoutMillis, 0L, KERNEL_SIGSET_BYTES)
                    : (int) Named.EPOLL_WAIT.invokeExact(state, epfd, events, maxEvents, timeoutMillis);
            return Downcalls.result(r, state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int epollPwait2(int epfd, long events, int maxEvents, long timeout) {
        if (!DIRECT && Named.EPOLL_PWAIT2 == null) {
            return -Errno.ENOSYS;
        }
        MemorySegment state = Downcalls.captureState();
        try {
            // Invoked here, not through LinuxSyscalls.call: see LinuxSyscalls.SYSCALL.
            int r = DIRECT
                    ? (int) (long) LinuxSyscalls.SYSCALL.invokeExact(state, SYS_EPOLL_PWAIT2,
                            (long) epfd, events, (long) maxEvents, timeout, 0L, KERNEL_SIGSET_BYTES)
                    : (int) Named.EPOLL_PWAIT2.invokeExact(state, epfd, events, maxEvents, timeout, 0L);
            return Downcalls.result(r, state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int eventfd(int initval, int flags) {
        if (DIRECT) {
            return (int) LinuxSyscalls.call(SYS_EVENTFD2, initval, flags);
        }
        MemorySegment state = Downcalls.captureState();
        try {
            return Downcalls.result((int) Named.EVENTFD.invokeExact(state, initval, flags), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }
}
