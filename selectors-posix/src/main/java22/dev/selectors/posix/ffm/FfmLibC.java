package dev.selectors.posix.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.selectors.posix.CSymbols;
import dev.selectors.posix.LibC;
import dev.selectors.posix.NativeMemory;
import dev.selectors.posix.OsFamily;
import dev.selectors.posix.PosixConstants;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The C library through the FFM API ({@code java.lang.foreign}, Java 22+). On Linux x86_64 and
 * aarch64 every call but poll and select is a system call made through one {@code syscall(2)}
 * handle ({@link LinuxSyscalls}); elsewhere, and with {@code -Dselectors.syscalls=libc}, each
 * C function has its own downcall handle. Handles are made once, on first use; errno is captured
 * by the call and read only on failure (see {@link Downcalls}). Chosen by
 * {@link dev.selectors.posix.Natives} on Java 22 and newer.
 */
public final class FfmLibC implements LibC {

    // Linux: O_CLOEXEC = SOCK_CLOEXEC = 0x80000, set atomically by pipe2/socket/accept4.
    private static final int LINUX_CLOEXEC = 0x80000;

    private static final OsFamily OS = OsFamily.CURRENT;
    // Read here, so that a bad selectors.syscalls fails when the binding loads, with its message.
    private static final boolean DIRECT = LinuxSyscalls.ENABLED;
    private static final boolean LINUX = OS == OsFamily.LINUX;
    // nfds_t is unsigned long on Linux (glibc) and illumos, unsigned int on the BSDs.
    private static final boolean NFDS_IS_LONG = OS == OsFamily.LINUX || OS == OsFamily.SOLARIS;

    /**
     * The C library's named functions, linked when this class is first used: only where calls do
     * not go through {@link LinuxSyscalls}, since each distinct signature costs the linker
     * generated classes and several hundred kilobytes at start-up. The handles are static
     * constants, so that the JIT inlines {@code invokeExact} to a direct call.
     */
    private static final class Named {
        private static final FunctionDescriptor INT_INT = FunctionDescriptor.of(JAVA_INT, JAVA_INT);
        private static final FunctionDescriptor INT_INT_INT = FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT);
        private static final FunctionDescriptor INT_INT_INT_INT =
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);
        private static final FunctionDescriptor SSIZE_INT_PTR_SIZE =
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG);
        private static final FunctionDescriptor SSIZE_INT_PTR_SIZE_INT =
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT);
        private static final FunctionDescriptor INT_INT_PTR_LEN =
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_INT);
        private static final FunctionDescriptor INT_INT_PTR_PTR =
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG);

        static final MethodHandle CLOSE = Downcalls.capturingErrno(CSymbols.of("close"), INT_INT);
        static final MethodHandle PIPE = Downcalls.capturingErrno("pipe", FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
        static final MethodHandle PIPE2 = Downcalls.optionalCapturingErrno("pipe2",
                FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT)).orElse(null);
        static final MethodHandle FCNTL =
                Downcalls.capturingErrno("fcntl", INT_INT_INT_INT, Linker.Option.firstVariadicArg(2));
        static final MethodHandle READ = Downcalls.capturingErrno("read", SSIZE_INT_PTR_SIZE);
        static final MethodHandle WRITE = Downcalls.capturingErrno("write", SSIZE_INT_PTR_SIZE);
        static final MethodHandle SOCKET = Downcalls.capturingErrno(CSymbols.of("socket"), INT_INT_INT_INT);
        static final MethodHandle SOCKETPAIR = Downcalls.capturingErrno(CSymbols.of("socketpair"),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
        static final MethodHandle BIND = Downcalls.capturingErrno(CSymbols.of("bind"), INT_INT_PTR_LEN);
        static final MethodHandle CONNECT = Downcalls.capturingErrno(CSymbols.of("connect"), INT_INT_PTR_LEN);
        static final MethodHandle LISTEN = Downcalls.capturingErrno("listen", INT_INT_INT);
        static final MethodHandle ACCEPT = Downcalls.capturingErrno("accept", INT_INT_PTR_PTR);
        static final MethodHandle ACCEPT4 = Downcalls.optionalCapturingErrno("accept4",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT)).orElse(null);
        static final MethodHandle RECV = Downcalls.capturingErrno("recv", SSIZE_INT_PTR_SIZE_INT);
        static final MethodHandle SEND = Downcalls.capturingErrno("send", SSIZE_INT_PTR_SIZE_INT);
        static final MethodHandle SHUTDOWN = Downcalls.capturingErrno("shutdown", INT_INT_INT);
        static final MethodHandle GETSOCKNAME = Downcalls.capturingErrno("getsockname", INT_INT_PTR_PTR);
        static final MethodHandle GETPEERNAME = Downcalls.capturingErrno("getpeername", INT_INT_PTR_PTR);
        static final MethodHandle SETSOCKOPT = Downcalls.capturingErrno("setsockopt",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_INT));
        static final MethodHandle GETSOCKOPT = Downcalls.capturingErrno(CSymbols.of("getsockopt"),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG));
    }

    /** poll and select, C library calls everywhere (aarch64 Linux has neither system call). */
    private static final class Multiplexing {
        static final MethodHandle POLL = Downcalls.capturingErrno("poll",
                FunctionDescriptor.of(JAVA_INT, JAVA_LONG, NFDS_IS_LONG ? JAVA_LONG : JAVA_INT, JAVA_INT));
        static final MethodHandle SELECT = Downcalls.capturingErrno(CSymbols.of("select"),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG));
    }

    /** strerror, for error messages only. */
    private static final class Messages {
        static final MethodHandle STRERROR = Downcalls.plain("strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));
    }

    /** The binding for this operating system; it links nothing until a call needs it. */
    public FfmLibC() {
    }

    @Override
    public String bindingName() {
        return "ffm";
    }

    @Override
    public String callPath() {
        return LinuxSyscalls.describe();
    }

    private static int result(int r, MemorySegment state) {
        return r < 0 ? -Downcalls.errno(state) : r;
    }

    private static long result(long r, MemorySegment state) {
        return r < 0 ? -Downcalls.errno(state) : r;
    }

    @Override
    public int close(int fd) {
        if (DIRECT) {
            return (int) LinuxSyscalls.call(LinuxSyscalls.SYS_CLOSE, fd);
        }
        MemorySegment state = Downcalls.captureState();
        try {
            return result((int) Named.CLOSE.invokeExact(state, fd), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int pipe(int[] fds) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pair = arena.allocate(JAVA_INT, 2);
            int r;
            if (DIRECT) {
                r = (int) LinuxSyscalls.call(LinuxSyscalls.SYS_PIPE2, pair.address(), LINUX_CLOEXEC);
            } else {
                MemorySegment state = Downcalls.captureState();
                r = LINUX && Named.PIPE2 != null
                        ? (int) Named.PIPE2.invokeExact(state, pair.address(), LINUX_CLOEXEC)
                        : (int) Named.PIPE.invokeExact(state, pair.address());
                r = result(r, state);
            }
            if (r == 0) {
                fds[0] = pair.getAtIndex(JAVA_INT, 0);
                fds[1] = pair.getAtIndex(JAVA_INT, 1);
                if (!LINUX) {
                    setCloseOnExec(fds[0]);
                    setCloseOnExec(fds[1]);
                }
            }
            return r;
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    private void setCloseOnExec(int fd) {
        fcntl(fd, PosixConstants.F_SETFD, PosixConstants.FD_CLOEXEC);
    }

    @Override
    public int fcntl(int fd, int cmd, int arg) {
        if (DIRECT) {
            return (int) LinuxSyscalls.call(LinuxSyscalls.SYS_FCNTL, fd, cmd, arg);
        }
        MemorySegment state = Downcalls.captureState();
        try {
            return result((int) Named.FCNTL.invokeExact(state, fd, cmd, arg), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public long read(int fd, long buf, long count) {
        if (DIRECT) {
            return LinuxSyscalls.call(LinuxSyscalls.SYS_READ, fd, buf, count);
        }
        MemorySegment state = Downcalls.captureState();
        try {
            return result((long) Named.READ.invokeExact(state, fd, buf, count), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public long write(int fd, long buf, long count) {
        if (DIRECT) {
            return LinuxSyscalls.call(LinuxSyscalls.SYS_WRITE, fd, buf, count);
        }
        MemorySegment state = Downcalls.captureState();
        try {
            return result((long) Named.WRITE.invokeExact(state, fd, buf, count), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int poll(long fds, int nfds, int timeoutMillis) {
        MemorySegment state = Downcalls.captureState();
        try {
            int r = NFDS_IS_LONG ? (int) Multiplexing.POLL.invokeExact(state, fds, (long) nfds, timeoutMillis)
                    : (int) Multiplexing.POLL.invokeExact(state, fds, nfds, timeoutMillis);
            return result(r, state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int select(int nfds, long readfds, long writefds, long exceptfds, long timeout) {
        MemorySegment state = Downcalls.captureState();
        try {
            return result((int) Multiplexing.SELECT.invokeExact(state, nfds, readfds, writefds, exceptfds, timeout),
                    state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int socket(int domain, int type, int protocol) {
        if (DIRECT) {
            return (int) LinuxSyscalls.call(LinuxSyscalls.SYS_SOCKET, domain, type | LINUX_CLOEXEC, protocol);
        }
        MemorySegment state = Downcalls.captureState();
        try {
            int fd = result((int) Named.SOCKET.invokeExact(state, domain, LINUX ? type | LINUX_CLOEXEC : type, protocol),
                    state);
            if (fd >= 0 && !LINUX) {
                setCloseOnExec(fd);
            }
            return fd;
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int socketpair(int domain, int type, int protocol, int[] fds) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pair = arena.allocate(JAVA_INT, 2);
            int r;
            if (DIRECT) {
                r = (int) LinuxSyscalls.call(LinuxSyscalls.SYS_SOCKETPAIR, domain, type | LINUX_CLOEXEC, protocol,
                        pair.address());
            } else {
                MemorySegment state = Downcalls.captureState();
                r = result((int) Named.SOCKETPAIR.invokeExact(state, domain, LINUX ? type | LINUX_CLOEXEC : type,
                        protocol, pair.address()), state);
            }
            if (r == 0) {
                fds[0] = pair.getAtIndex(JAVA_INT, 0);
                fds[1] = pair.getAtIndex(JAVA_INT, 1);
                if (!LINUX) {
                    setCloseOnExec(fds[0]);
                    setCloseOnExec(fds[1]);
                }
            }
            return r;
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int bind(int fd, long addr, int addrlen) {
        if (DIRECT) {
            return (int) LinuxSyscalls.call(LinuxSyscalls.SYS_BIND, fd, addr, addrlen);
        }
        MemorySegment state = Downcalls.captureState();
        try {
            return result((int) Named.BIND.invokeExact(state, fd, addr, addrlen), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int connect(int fd, long addr, int addrlen) {
        if (DIRECT) {
            return (int) LinuxSyscalls.call(LinuxSyscalls.SYS_CONNECT, fd, addr, addrlen);
        }
        MemorySegment state = Downcalls.captureState();
        try {
            return result((int) Named.CONNECT.invokeExact(state, fd, addr, addrlen), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int listen(int fd, int backlog) {
        if (DIRECT) {
            return (int) LinuxSyscalls.call(LinuxSyscalls.SYS_LISTEN, fd, backlog);
        }
        MemorySegment state = Downcalls.captureState();
        try {
            return result((int) Named.LISTEN.invokeExact(state, fd, backlog), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int accept(int fd, long addr, long addrlen) {
        if (DIRECT) {
            return (int) LinuxSyscalls.call(LinuxSyscalls.SYS_ACCEPT4, fd, addr, addrlen, LINUX_CLOEXEC);
        }
        MemorySegment state = Downcalls.captureState();
        try {
            if (LINUX && Named.ACCEPT4 != null) {
                return result((int) Named.ACCEPT4.invokeExact(state, fd, addr, addrlen, LINUX_CLOEXEC), state);
            }
            int conn = result((int) Named.ACCEPT.invokeExact(state, fd, addr, addrlen), state);
            if (conn >= 0) {
                setCloseOnExec(conn);
            }
            return conn;
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public long recv(int fd, long buf, long len, int flags) {
        MemorySegment state = Downcalls.captureState();
        try {
            // Invoked here, not through LinuxSyscalls.call: see LinuxSyscalls.SYSCALL.
            return result(DIRECT
                    ? (long) LinuxSyscalls.SYSCALL.invokeExact(state, LinuxSyscalls.SYS_RECVFROM, (long) fd, buf, len,
                            (long) flags, 0L, 0L)
                    : (long) Named.RECV.invokeExact(state, fd, buf, len, flags), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public long send(int fd, long buf, long len, int flags) {
        MemorySegment state = Downcalls.captureState();
        try {
            // Invoked here, not through LinuxSyscalls.call: see LinuxSyscalls.SYSCALL.
            return result(DIRECT
                    ? (long) LinuxSyscalls.SYSCALL.invokeExact(state, LinuxSyscalls.SYS_SENDTO, (long) fd, buf, len,
                            (long) flags, 0L, 0L)
                    : (long) Named.SEND.invokeExact(state, fd, buf, len, flags), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int shutdown(int fd, int how) {
        if (DIRECT) {
            return (int) LinuxSyscalls.call(LinuxSyscalls.SYS_SHUTDOWN, fd, how);
        }
        MemorySegment state = Downcalls.captureState();
        try {
            return result((int) Named.SHUTDOWN.invokeExact(state, fd, how), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int getsockname(int fd, long addr, long addrlen) {
        if (DIRECT) {
            return (int) LinuxSyscalls.call(LinuxSyscalls.SYS_GETSOCKNAME, fd, addr, addrlen);
        }
        MemorySegment state = Downcalls.captureState();
        try {
            return result((int) Named.GETSOCKNAME.invokeExact(state, fd, addr, addrlen), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int getpeername(int fd, long addr, long addrlen) {
        if (DIRECT) {
            return (int) LinuxSyscalls.call(LinuxSyscalls.SYS_GETPEERNAME, fd, addr, addrlen);
        }
        MemorySegment state = Downcalls.captureState();
        try {
            return result((int) Named.GETPEERNAME.invokeExact(state, fd, addr, addrlen), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int setsockopt(int fd, int level, int name, long value, int len) {
        if (DIRECT) {
            return (int) LinuxSyscalls.call(LinuxSyscalls.SYS_SETSOCKOPT, fd, level, name, value, len, 0);
        }
        MemorySegment state = Downcalls.captureState();
        try {
            return result((int) Named.SETSOCKOPT.invokeExact(state, fd, level, name, value, len), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int getsockopt(int fd, int level, int name, long value, long len) {
        if (DIRECT) {
            return (int) LinuxSyscalls.call(LinuxSyscalls.SYS_GETSOCKOPT, fd, level, name, value, len, 0);
        }
        MemorySegment state = Downcalls.captureState();
        try {
            return result((int) Named.GETSOCKOPT.invokeExact(state, fd, level, name, value, len), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public String strerror(int errno) {
        try {
            MemorySegment text = (MemorySegment) Messages.STRERROR.invokeExact(errno);
            return text.reinterpret(Integer.MAX_VALUE).getString(0);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public NativeMemory allocate(long size) {
        return new FfmMemory(Arena.ofShared(), size);
    }

    @Override
    public NativeMemory allocateTemporary(long size) {
        return new FfmMemory(Arena.ofConfined(), size);
    }

    @Override
    public long address(ByteBuffer directBuffer) {
        if (!directBuffer.isDirect()) {
            throw new IllegalArgumentException("not a direct buffer: " + directBuffer);
        }
        return MemorySegment.ofBuffer(directBuffer).address() - directBuffer.position();
    }

    /**
     * {@link NativeMemory} from an arena of its own: shared when the owner (a selector) may be
     * made on one thread and used and closed on another, confined for one call's temporaries.
     */
    private static final class FfmMemory implements NativeMemory {
        private final Arena arena;
        private final MemorySegment segment;
        private final ByteBuffer buffer;

        FfmMemory(Arena arena, long size) {
            this.arena = arena;
            segment = arena.allocate(size, 16);
            segment.fill((byte) 0);
            buffer = segment.asByteBuffer().order(ByteOrder.nativeOrder());
        }

        @Override
        public long address() {
            return segment.address();
        }

        @Override
        public ByteBuffer buffer() {
            return buffer;
        }

        @Override
        public long size() {
            return segment.byteSize();
        }

        @Override
        public void close() {
            if (arena.scope().isAlive()) {
                arena.close();
            }
        }
    }
}
