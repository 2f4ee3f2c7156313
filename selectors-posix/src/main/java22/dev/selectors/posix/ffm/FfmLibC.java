package dev.selectors.posix.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

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
 * The C library through the FFM API ({@code java.lang.foreign}, Java 22+): one downcall handle
 * per function, made once; errno captured by the call and read only on failure (see
 * {@link Downcalls}). Chosen by {@link dev.selectors.posix.Natives} on Java 22 and newer.
 */
public final class FfmLibC implements LibC {

    // Linux: O_CLOEXEC = SOCK_CLOEXEC = 0x80000, set atomically by pipe2/socket/accept4.
    private static final int LINUX_CLOEXEC = 0x80000;

    private static final FunctionDescriptor INT_INT = FunctionDescriptor.of(JAVA_INT, JAVA_INT);
    private static final FunctionDescriptor INT_INT_INT = FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT);
    private static final FunctionDescriptor INT_INT_INT_INT = FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);
    private static final FunctionDescriptor SSIZE_INT_PTR_SIZE = FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG);
    private static final FunctionDescriptor SSIZE_INT_PTR_SIZE_INT =
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT);
    private static final FunctionDescriptor INT_INT_PTR_LEN = FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_INT);
    private static final FunctionDescriptor INT_INT_PTR_PTR = FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG);

    private static final OsFamily OS = OsFamily.CURRENT;
    // Read here, so that a bad selectors.syscalls fails when the binding loads, with its message.
    private static final boolean DIRECT_SYSCALLS = LinuxSyscalls.ENABLED;
    private static final boolean LINUX = OS == OsFamily.LINUX;
    // nfds_t is unsigned long on Linux (glibc) and illumos, unsigned int on the BSDs.
    private static final boolean NFDS_IS_LONG = OS == OsFamily.LINUX || OS == OsFamily.SOLARIS;

    private static final MethodHandle CLOSE = Downcalls.capturingErrno("close", INT_INT);
    private static final MethodHandle PIPE = Downcalls.capturingErrno("pipe", FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
    private static final MethodHandle PIPE2 = Downcalls.optionalCapturingErrno("pipe2",
            FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT)).orElse(null);
    private static final MethodHandle FCNTL = Downcalls.capturingErrno("fcntl", INT_INT_INT_INT, Linker.Option.firstVariadicArg(2));
    private static final MethodHandle READ = Downcalls.capturingErrno("read", SSIZE_INT_PTR_SIZE);
    private static final MethodHandle WRITE = Downcalls.capturingErrno("write", SSIZE_INT_PTR_SIZE);
    private static final MethodHandle POLL = Downcalls.capturingErrno("poll",
            FunctionDescriptor.of(JAVA_INT, JAVA_LONG, NFDS_IS_LONG ? JAVA_LONG : JAVA_INT, JAVA_INT));
    private static final MethodHandle SELECT = Downcalls.capturingErrno("select",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle SOCKET = Downcalls.capturingErrno("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle SOCKETPAIR = Downcalls.capturingErrno("socketpair",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle BIND = Downcalls.capturingErrno("bind", INT_INT_PTR_LEN);
    private static final MethodHandle CONNECT = Downcalls.capturingErrno("connect", INT_INT_PTR_LEN);
    private static final MethodHandle LISTEN = Downcalls.capturingErrno("listen", INT_INT_INT);
    private static final MethodHandle ACCEPT = Downcalls.capturingErrno("accept", INT_INT_PTR_PTR);
    private static final MethodHandle ACCEPT4 = Downcalls.optionalCapturingErrno("accept4",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT)).orElse(null);
    // Linked only when used: each distinct signature costs the linker ~370 KB at start-up.
    private static final MethodHandle RECV =
            DIRECT_SYSCALLS ? null : Downcalls.capturingErrno("recv", SSIZE_INT_PTR_SIZE_INT);
    private static final MethodHandle SEND =
            DIRECT_SYSCALLS ? null : Downcalls.capturingErrno("send", SSIZE_INT_PTR_SIZE_INT);
    private static final MethodHandle SHUTDOWN = Downcalls.capturingErrno("shutdown", INT_INT_INT);
    private static final MethodHandle GETSOCKNAME = Downcalls.capturingErrno("getsockname", INT_INT_PTR_PTR);
    private static final MethodHandle GETPEERNAME = Downcalls.capturingErrno("getpeername", INT_INT_PTR_PTR);
    private static final MethodHandle SETSOCKOPT = Downcalls.capturingErrno("setsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_INT));
    private static final MethodHandle GETSOCKOPT = Downcalls.capturingErrno("getsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle STRERROR = Downcalls.plain("strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));

    /**
     * The binding for this operating system. The handles are static constants, so that the JIT
     * inlines {@code invokeExact} to a direct call (instance fields would cost an allocation per
     * call).
     */
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
        MemorySegment state = Downcalls.captureState();
        try {
            return result((int) CLOSE.invokeExact(state, fd), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int pipe(int[] fds) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pair = arena.allocate(JAVA_INT, 2);
            MemorySegment state = Downcalls.captureState();
            int r = LINUX && PIPE2 != null
                    ? (int) PIPE2.invokeExact(state, pair.address(), LINUX_CLOEXEC)
                    : (int) PIPE.invokeExact(state, pair.address());
            r = result(r, state);
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
        MemorySegment state = Downcalls.captureState();
        try {
            return result((int) FCNTL.invokeExact(state, fd, cmd, arg), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public long read(int fd, long buf, long count) {
        MemorySegment state = Downcalls.captureState();
        try {
            return result((long) READ.invokeExact(state, fd, buf, count), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public long write(int fd, long buf, long count) {
        MemorySegment state = Downcalls.captureState();
        try {
            return result((long) WRITE.invokeExact(state, fd, buf, count), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int poll(long fds, int nfds, int timeoutMillis) {
        MemorySegment state = Downcalls.captureState();
        try {
            int r = NFDS_IS_LONG ? (int) POLL.invokeExact(state, fds, (long) nfds, timeoutMillis)
                    : (int) POLL.invokeExact(state, fds, nfds, timeoutMillis);
            return result(r, state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int select(int nfds, long readfds, long writefds, long exceptfds, long timeout) {
        MemorySegment state = Downcalls.captureState();
        try {
            return result((int) SELECT.invokeExact(state, nfds, readfds, writefds, exceptfds, timeout), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int socket(int domain, int type, int protocol) {
        MemorySegment state = Downcalls.captureState();
        try {
            int fd = result((int) SOCKET.invokeExact(state, domain, LINUX ? type | LINUX_CLOEXEC : type, protocol), state);
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
            MemorySegment state = Downcalls.captureState();
            int r = result((int) SOCKETPAIR.invokeExact(state, domain, LINUX ? type | LINUX_CLOEXEC : type,
                    protocol, pair.address()), state);
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
        MemorySegment state = Downcalls.captureState();
        try {
            return result((int) BIND.invokeExact(state, fd, addr, addrlen), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int connect(int fd, long addr, int addrlen) {
        MemorySegment state = Downcalls.captureState();
        try {
            return result((int) CONNECT.invokeExact(state, fd, addr, addrlen), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int listen(int fd, int backlog) {
        MemorySegment state = Downcalls.captureState();
        try {
            return result((int) LISTEN.invokeExact(state, fd, backlog), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int accept(int fd, long addr, long addrlen) {
        MemorySegment state = Downcalls.captureState();
        try {
            if (LINUX && ACCEPT4 != null) {
                return result((int) ACCEPT4.invokeExact(state, fd, addr, addrlen, LINUX_CLOEXEC), state);
            }
            int conn = result((int) ACCEPT.invokeExact(state, fd, addr, addrlen), state);
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
            long r = DIRECT_SYSCALLS
                    ? (long) LinuxSyscalls.SYSCALL.invokeExact(state, LinuxSyscalls.SYS_RECVFROM, (long) fd, buf, len,
                            (long) flags, 0L, 0L)
                    : (long) RECV.invokeExact(state, fd, buf, len, flags);
            return result(r, state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public long send(int fd, long buf, long len, int flags) {
        MemorySegment state = Downcalls.captureState();
        try {
            long r = DIRECT_SYSCALLS
                    ? (long) LinuxSyscalls.SYSCALL.invokeExact(state, LinuxSyscalls.SYS_SENDTO, (long) fd, buf, len,
                            (long) flags, 0L, 0L)
                    : (long) SEND.invokeExact(state, fd, buf, len, flags);
            return result(r, state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int shutdown(int fd, int how) {
        MemorySegment state = Downcalls.captureState();
        try {
            return result((int) SHUTDOWN.invokeExact(state, fd, how), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int getsockname(int fd, long addr, long addrlen) {
        MemorySegment state = Downcalls.captureState();
        try {
            return result((int) GETSOCKNAME.invokeExact(state, fd, addr, addrlen), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int getpeername(int fd, long addr, long addrlen) {
        MemorySegment state = Downcalls.captureState();
        try {
            return result((int) GETPEERNAME.invokeExact(state, fd, addr, addrlen), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int setsockopt(int fd, int level, int name, long value, int len) {
        MemorySegment state = Downcalls.captureState();
        try {
            return result((int) SETSOCKOPT.invokeExact(state, fd, level, name, value, len), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int getsockopt(int fd, int level, int name, long value, long len) {
        MemorySegment state = Downcalls.captureState();
        try {
            return result((int) GETSOCKOPT.invokeExact(state, fd, level, name, value, len), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public String strerror(int errno) {
        try {
            MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
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
