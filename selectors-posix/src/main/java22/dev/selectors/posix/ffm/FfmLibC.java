package dev.selectors.posix.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.selectors.posix.AbstractLibC;
import dev.selectors.posix.CSymbols;
import dev.selectors.posix.Errno;
import dev.selectors.posix.NativeMemory;
import dev.selectors.posix.SyscallNumbers;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;

/**
 * The C library through the FFM API ({@code java.lang.foreign}, Java 22+). Every call is a
 * {@link Downcall} (errno captured by the call, read only on failure), linked once through one
 * of two strategies: system calls through one {@code syscall(2)} handle, numbered by
 * {@link SyscallNumbers} (Linux x86_64 and aarch64, see {@link LinuxSyscalls}), or
 * {@link LibCFunctions}, a handle per C function (elsewhere, and with
 * {@code -Dselectors.syscalls=libc}). poll and select are C functions in both. The calls are
 * static constants, so that the JIT inlines each downcall whole into the per-message path.
 * Chosen by {@link dev.selectors.posix.Natives} on Java 22 and newer.
 */
public final class FfmLibC extends AbstractLibC {

    private static final boolean DIRECT = LinuxSyscalls.ENABLED;
    // recv and send as recvfrom and sendto (their two last arguments 0); SyscallNumbers lists no
    // plain pipe or accept (aarch64 has neither), so those are pipe2 and accept4 with no flags.
    private static final Function<String, Downcall> LINK = DIRECT
            ? LinuxSyscalls.linker(SyscallNumbers.forArch(System.getProperty("os.arch", "")),
                    Map.of("recv", "recvfrom", "send", "sendto"))
            : LibCFunctions::link;

    private static final Downcall RECV = required("recv");
    private static final Downcall SEND = required("send");
    private static final Downcall READ = required("read");
    private static final Downcall WRITE = required("write");
    private static final Downcall CLOSE = required("close");
    private static final Downcall FCNTL = required("fcntl");
    private static final Downcall SOCKET = required("socket");
    private static final Downcall SOCKETPAIR = required("socketpair");
    private static final Downcall BIND = required("bind");
    private static final Downcall CONNECT = required("connect");
    private static final Downcall LISTEN = required("listen");
    private static final Downcall SHUTDOWN = required("shutdown");
    private static final Downcall GETSOCKNAME = required("getsockname");
    private static final Downcall GETPEERNAME = required("getpeername");
    private static final Downcall SETSOCKOPT = required("setsockopt");
    private static final Downcall GETSOCKOPT = required("getsockopt");
    // Either strategy may lack these: pipe is then pipe2, accept accept4, and those fail with ENOSYS.
    private static final Downcall PIPE = LINK.apply("pipe");
    private static final Downcall PIPE2 = LINK.apply("pipe2");
    private static final Downcall ACCEPT = LINK.apply("accept");
    private static final Downcall ACCEPT4 = LINK.apply("accept4");

    /** poll and select, C library calls everywhere (aarch64 Linux has neither system call). */
    private static final class Multiplexing {
        static final Downcall POLL = Downcall.of("poll",
                FunctionDescriptor.of(JAVA_INT, JAVA_LONG, NFDS_IS_LONG ? JAVA_LONG : JAVA_INT, JAVA_INT));
        static final Downcall SELECT = Downcall.of(CSymbols.of("select"),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG));
    }

    /** strerror, for error messages only. */
    private static final class Messages {
        static final MethodHandle STRERROR = Downcalls.plain("strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));
    }

    /** Made once by {@link dev.selectors.posix.Natives}; the calls are linked with the class. */
    public FfmLibC() {
    }

    private static Downcall required(String function) {
        Downcall call = LINK.apply(function);
        if (call == null) {
            throw new UnsupportedOperationException("the C library has no " + function + "()");
        }
        return call;
    }

    @Override
    public String bindingName() {
        return "ffm";
    }

    @Override
    public String callPath() {
        return DIRECT ? "direct system calls" : super.callPath();
    }

    @Override
    public long recv(int fd, long buf, long len, int flags) {
        // recvfrom's address and its length are 0: recv(2), whose downcall drops them.
        return RECV.callPerMessage(fd, buf, len, flags, 0, 0);
    }

    @Override
    public long send(int fd, long buf, long len, int flags) {
        return SEND.callPerMessage(fd, buf, len, flags, 0, 0);
    }

    @Override
    public long read(int fd, long buf, long count) {
        return READ.call(fd, buf, count);
    }

    @Override
    public long write(int fd, long buf, long count) {
        return WRITE.call(fd, buf, count);
    }

    @Override
    public int poll(long fds, int nfds, int timeoutMillis) {
        return (int) Multiplexing.POLL.callPerMessage(fds, nfds, timeoutMillis, 0, 0, 0);
    }

    @Override
    public int select(int nfds, long readfds, long writefds, long exceptfds, long timeout) {
        return (int) Multiplexing.SELECT.callPerMessage(nfds, readfds, writefds, exceptfds, timeout, 0);
    }

    @Override
    public int close(int fd) {
        return (int) CLOSE.call(fd);
    }

    @Override
    public int fcntl(int fd, int cmd, int arg) {
        return (int) FCNTL.call(fd, cmd, arg);
    }

    @Override
    protected int plainPipe(int[] fds) {
        return PIPE == null ? pipe2(fds, 0) : intoPair(fds, PIPE::call);
    }

    @Override
    protected int pipe2(int[] fds, int flags) {
        return PIPE2 == null ? -Errno.ENOSYS : intoPair(fds, pair -> PIPE2.call(pair, flags));
    }

    @Override
    protected int plainSocket(int domain, int type, int protocol) {
        return (int) SOCKET.call(domain, type, protocol);
    }

    @Override
    protected int plainSocketpair(int domain, int type, int protocol, int[] fds) {
        return intoPair(fds, pair -> SOCKETPAIR.call(domain, type, protocol, pair));
    }

    /** Makes {@code call} with room for two ints and copies them to {@code fds} when it succeeded. */
    private static int intoPair(int[] fds, LongUnaryOperator call) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pair = arena.allocate(JAVA_INT, 2);
            int r = (int) call.applyAsLong(pair.address());
            if (r == 0) {
                fds[0] = pair.getAtIndex(JAVA_INT, 0);
                fds[1] = pair.getAtIndex(JAVA_INT, 1);
            }
            return r;
        }
    }

    @Override
    public int bind(int fd, long addr, int addrlen) {
        return (int) BIND.call(fd, addr, addrlen);
    }

    @Override
    public int connect(int fd, long addr, int addrlen) {
        return (int) CONNECT.call(fd, addr, addrlen);
    }

    @Override
    public int listen(int fd, int backlog) {
        return (int) LISTEN.call(fd, backlog);
    }

    @Override
    protected int plainAccept(int fd, long addr, long addrlen) {
        return ACCEPT == null ? accept4(fd, addr, addrlen, 0) : (int) ACCEPT.call(fd, addr, addrlen);
    }

    @Override
    protected int accept4(int fd, long addr, long addrlen, int flags) {
        return ACCEPT4 == null ? -Errno.ENOSYS : (int) ACCEPT4.call(fd, addr, addrlen, flags);
    }

    @Override
    public int shutdown(int fd, int how) {
        return (int) SHUTDOWN.call(fd, how);
    }

    @Override
    public int getsockname(int fd, long addr, long addrlen) {
        return (int) GETSOCKNAME.call(fd, addr, addrlen);
    }

    @Override
    public int getpeername(int fd, long addr, long addrlen) {
        return (int) GETPEERNAME.call(fd, addr, addrlen);
    }

    @Override
    public int setsockopt(int fd, int level, int name, long value, int len) {
        return (int) SETSOCKOPT.call(fd, level, name, value, len);
    }

    @Override
    public int getsockopt(int fd, int level, int name, long value, long len) {
        return (int) GETSOCKOPT.call(fd, level, name, value, len);
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

    // Each block its own arena: shared when the owner (a selector) may be made on one thread and
    // used and closed on another, confined for one call's temporaries.
    @Override
    public NativeMemory allocate(long size) {
        return allocateIn(Arena.ofShared(), size);
    }

    @Override
    public NativeMemory allocateTemporary(long size) {
        return allocateIn(Arena.ofConfined(), size);
    }

    private static NativeMemory allocateIn(Arena arena, long size) {
        MemorySegment segment = arena.allocate(size, 16);
        segment.fill((byte) 0);
        return memory(segment.address(), segment.asByteBuffer(), arena::close);
    }

    @Override
    protected long directBufferAddress(ByteBuffer directBuffer) {
        return MemorySegment.ofBuffer(directBuffer).address() - directBuffer.position();
    }
}
