package dev.selectors.posix.ffm;

import dev.selectors.posix.SyscallNumbers;
import java.lang.foreign.MemorySegment;
import java.util.Map;

/**
 * Every call but poll and select as a Linux system call, through the one {@code syscall(2)}
 * handle of {@link LinuxSyscalls} (why: see there). Chosen where {@link LinuxSyscalls#ENABLED}.
 */
final class SyscallLibC extends FfmLibC {

    private static final Map<String, Long> NUMBERS = SyscallNumbers.forArch(System.getProperty("os.arch", ""));
    private static final long READ = NUMBERS.get("read");
    private static final long WRITE = NUMBERS.get("write");
    private static final long CLOSE = NUMBERS.get("close");
    private static final long FCNTL = NUMBERS.get("fcntl");
    private static final long PIPE2 = NUMBERS.get("pipe2");
    private static final long SOCKET = NUMBERS.get("socket");
    private static final long SOCKETPAIR = NUMBERS.get("socketpair");
    private static final long BIND = NUMBERS.get("bind");
    private static final long CONNECT = NUMBERS.get("connect");
    private static final long LISTEN = NUMBERS.get("listen");
    private static final long ACCEPT4 = NUMBERS.get("accept4");
    private static final long SHUTDOWN = NUMBERS.get("shutdown");
    private static final long GETSOCKNAME = NUMBERS.get("getsockname");
    private static final long GETPEERNAME = NUMBERS.get("getpeername");
    private static final long SETSOCKOPT = NUMBERS.get("setsockopt");
    private static final long GETSOCKOPT = NUMBERS.get("getsockopt");
    private static final long RECVFROM = NUMBERS.get("recvfrom");
    private static final long SENDTO = NUMBERS.get("sendto");

    @Override
    public String callPath() {
        return "direct system calls";
    }

    @Override
    public long recv(int fd, long buf, long len, int flags) {
        MemorySegment state = Downcalls.captureState();
        try {
            // Invoked here, not through LinuxSyscalls.call: see LinuxSyscalls.SYSCALL.
            return Downcalls.result((long) LinuxSyscalls.SYSCALL.invokeExact(state, RECVFROM, (long) fd, buf, len,
                    (long) flags, 0L, 0L), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public long send(int fd, long buf, long len, int flags) {
        MemorySegment state = Downcalls.captureState();
        try {
            // Invoked here, not through LinuxSyscalls.call: see LinuxSyscalls.SYSCALL.
            return Downcalls.result((long) LinuxSyscalls.SYSCALL.invokeExact(state, SENDTO, (long) fd, buf, len,
                    (long) flags, 0L, 0L), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int close(int fd) {
        return (int) LinuxSyscalls.call(CLOSE, fd);
    }

    @Override
    public int fcntl(int fd, int cmd, int arg) {
        return (int) LinuxSyscalls.call(FCNTL, fd, cmd, arg);
    }

    @Override
    public long read(int fd, long buf, long count) {
        return LinuxSyscalls.call(READ, fd, buf, count);
    }

    @Override
    public long write(int fd, long buf, long count) {
        return LinuxSyscalls.call(WRITE, fd, buf, count);
    }

    @Override
    protected int plainPipe(int[] fds) {
        return pipe2(fds, 0);
    }

    @Override
    protected int pipe2(int[] fds, int flags) {
        return intoPair(fds, pair -> (int) LinuxSyscalls.call(PIPE2, pair, flags));
    }

    @Override
    protected int plainSocket(int domain, int type, int protocol) {
        return (int) LinuxSyscalls.call(SOCKET, domain, type, protocol);
    }

    @Override
    protected int plainSocketpair(int domain, int type, int protocol, int[] fds) {
        return intoPair(fds, pair -> (int) LinuxSyscalls.call(SOCKETPAIR, domain, type, protocol, pair));
    }

    @Override
    public int bind(int fd, long addr, int addrlen) {
        return (int) LinuxSyscalls.call(BIND, fd, addr, addrlen);
    }

    @Override
    public int connect(int fd, long addr, int addrlen) {
        return (int) LinuxSyscalls.call(CONNECT, fd, addr, addrlen);
    }

    @Override
    public int listen(int fd, int backlog) {
        return (int) LinuxSyscalls.call(LISTEN, fd, backlog);
    }

    @Override
    protected int plainAccept(int fd, long addr, long addrlen) {
        return accept4(fd, addr, addrlen, 0);
    }

    @Override
    protected int accept4(int fd, long addr, long addrlen, int flags) {
        return (int) LinuxSyscalls.call(ACCEPT4, fd, addr, addrlen, flags);
    }

    @Override
    public int shutdown(int fd, int how) {
        return (int) LinuxSyscalls.call(SHUTDOWN, fd, how);
    }

    @Override
    public int getsockname(int fd, long addr, long addrlen) {
        return (int) LinuxSyscalls.call(GETSOCKNAME, fd, addr, addrlen);
    }

    @Override
    public int getpeername(int fd, long addr, long addrlen) {
        return (int) LinuxSyscalls.call(GETPEERNAME, fd, addr, addrlen);
    }

    @Override
    public int setsockopt(int fd, int level, int name, long value, int len) {
        return (int) LinuxSyscalls.call(SETSOCKOPT, fd, level, name, value, len, 0);
    }

    @Override
    public int getsockopt(int fd, int level, int name, long value, long len) {
        return (int) LinuxSyscalls.call(GETSOCKOPT, fd, level, name, value, len, 0);
    }
}
