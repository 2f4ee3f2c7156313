package dev.selectors.posix.ffm;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.selectors.posix.CSymbols;
import dev.selectors.posix.Errno;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The C library's named functions, each through a downcall handle of its own, under the symbol
 * a C program compiled on this system would call ({@link CSymbols}). Used where
 * {@link SyscallLibC} is not: off Linux, on other architectures, and with
 * {@code -Dselectors.syscalls=libc}. The handles are static constants, so that the JIT inlines
 * {@code invokeExact} to a direct call; they are linked when this class is first used.
 */
final class NamedFunctionLibC extends FfmLibC {

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

    private static final MethodHandle CLOSE = Downcalls.capturingErrno(CSymbols.of("close"), INT_INT);
    private static final MethodHandle PIPE =
            Downcalls.capturingErrno("pipe", FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
    private static final MethodHandle PIPE2 = Downcalls.optionalCapturingErrno("pipe2",
            FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT)).orElse(null);
    private static final MethodHandle FCNTL =
            Downcalls.capturingErrno("fcntl", INT_INT_INT_INT, Linker.Option.firstVariadicArg(2));
    private static final MethodHandle READ = Downcalls.capturingErrno("read", SSIZE_INT_PTR_SIZE);
    private static final MethodHandle WRITE = Downcalls.capturingErrno("write", SSIZE_INT_PTR_SIZE);
    private static final MethodHandle SOCKET = Downcalls.capturingErrno(CSymbols.of("socket"), INT_INT_INT_INT);
    private static final MethodHandle SOCKETPAIR = Downcalls.capturingErrno(CSymbols.of("socketpair"),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle BIND = Downcalls.capturingErrno(CSymbols.of("bind"), INT_INT_PTR_LEN);
    private static final MethodHandle CONNECT = Downcalls.capturingErrno(CSymbols.of("connect"), INT_INT_PTR_LEN);
    private static final MethodHandle LISTEN = Downcalls.capturingErrno("listen", INT_INT_INT);
    private static final MethodHandle ACCEPT = Downcalls.capturingErrno("accept", INT_INT_PTR_PTR);
    private static final MethodHandle ACCEPT4 = Downcalls.optionalCapturingErrno("accept4",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT)).orElse(null);
    private static final MethodHandle RECV = Downcalls.capturingErrno("recv", SSIZE_INT_PTR_SIZE_INT);
    private static final MethodHandle SEND = Downcalls.capturingErrno("send", SSIZE_INT_PTR_SIZE_INT);
    private static final MethodHandle SHUTDOWN = Downcalls.capturingErrno("shutdown", INT_INT_INT);
    private static final MethodHandle GETSOCKNAME = Downcalls.capturingErrno("getsockname", INT_INT_PTR_PTR);
    private static final MethodHandle GETPEERNAME = Downcalls.capturingErrno("getpeername", INT_INT_PTR_PTR);
    private static final MethodHandle SETSOCKOPT = Downcalls.capturingErrno("setsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_INT));
    private static final MethodHandle GETSOCKOPT = Downcalls.capturingErrno(CSymbols.of("getsockopt"),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG));

    @Override
    protected int plainPipe(int[] fds) {
        return intoPair(fds, pair -> {
            MemorySegment state = Downcalls.captureState();
            return Downcalls.result((int) PIPE.invokeExact(state, pair), state);
        });
    }

    @Override
    protected int pipe2(int[] fds, int flags) {
        if (PIPE2 == null) {
            return -Errno.ENOSYS;
        }
        return intoPair(fds, pair -> {
            MemorySegment state = Downcalls.captureState();
            return Downcalls.result((int) PIPE2.invokeExact(state, pair, flags), state);
        });
    }

    @Override
    protected int plainSocketpair(int domain, int type, int protocol, int[] fds) {
        return intoPair(fds, pair -> {
            MemorySegment state = Downcalls.captureState();
            return Downcalls.result((int) SOCKETPAIR.invokeExact(state, domain, type, protocol, pair), state);
        });
    }

    @Override
    protected int accept4(int fd, long addr, long addrlen, int flags) {
        if (ACCEPT4 == null) {
            return -Errno.ENOSYS;
        }
        MemorySegment state = Downcalls.captureState();
        try {
            return Downcalls.result((int) ACCEPT4.invokeExact(state, fd, addr, addrlen, flags), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int close(int fd) {
        MemorySegment state = Downcalls.captureState();
        try {
            return Downcalls.result((int) CLOSE.invokeExact(state, fd), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int fcntl(int fd, int cmd, int arg) {
        MemorySegment state = Downcalls.captureState();
        try {
            return Downcalls.result((int) FCNTL.invokeExact(state, fd, cmd, arg), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public long read(int fd, long buf, long count) {
        MemorySegment state = Downcalls.captureState();
        try {
            return Downcalls.result((long) READ.invokeExact(state, fd, buf, count), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public long write(int fd, long buf, long count) {
        MemorySegment state = Downcalls.captureState();
        try {
            return Downcalls.result((long) WRITE.invokeExact(state, fd, buf, count), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    protected int plainSocket(int domain, int type, int protocol) {
        MemorySegment state = Downcalls.captureState();
        try {
            return Downcalls.result((int) SOCKET.invokeExact(state, domain, type, protocol), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int bind(int fd, long addr, int addrlen) {
        MemorySegment state = Downcalls.captureState();
        try {
            return Downcalls.result((int) BIND.invokeExact(state, fd, addr, addrlen), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int connect(int fd, long addr, int addrlen) {
        MemorySegment state = Downcalls.captureState();
        try {
            return Downcalls.result((int) CONNECT.invokeExact(state, fd, addr, addrlen), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int listen(int fd, int backlog) {
        MemorySegment state = Downcalls.captureState();
        try {
            return Downcalls.result((int) LISTEN.invokeExact(state, fd, backlog), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    protected int plainAccept(int fd, long addr, long addrlen) {
        MemorySegment state = Downcalls.captureState();
        try {
            return Downcalls.result((int) ACCEPT.invokeExact(state, fd, addr, addrlen), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public long recv(int fd, long buf, long len, int flags) {
        MemorySegment state = Downcalls.captureState();
        try {
            return Downcalls.result((long) RECV.invokeExact(state, fd, buf, len, flags), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public long send(int fd, long buf, long len, int flags) {
        MemorySegment state = Downcalls.captureState();
        try {
            return Downcalls.result((long) SEND.invokeExact(state, fd, buf, len, flags), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int shutdown(int fd, int how) {
        MemorySegment state = Downcalls.captureState();
        try {
            return Downcalls.result((int) SHUTDOWN.invokeExact(state, fd, how), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int getsockname(int fd, long addr, long addrlen) {
        MemorySegment state = Downcalls.captureState();
        try {
            return Downcalls.result((int) GETSOCKNAME.invokeExact(state, fd, addr, addrlen), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int getpeername(int fd, long addr, long addrlen) {
        MemorySegment state = Downcalls.captureState();
        try {
            return Downcalls.result((int) GETPEERNAME.invokeExact(state, fd, addr, addrlen), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int setsockopt(int fd, int level, int name, long value, int len) {
        MemorySegment state = Downcalls.captureState();
        try {
            return Downcalls.result((int) SETSOCKOPT.invokeExact(state, fd, level, name, value, len), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int getsockopt(int fd, int level, int name, long value, long len) {
        MemorySegment state = Downcalls.captureState();
        try {
            return Downcalls.result((int) GETSOCKOPT.invokeExact(state, fd, level, name, value, len), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }
}
