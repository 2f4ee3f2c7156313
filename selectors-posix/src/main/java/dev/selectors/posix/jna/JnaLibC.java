package dev.selectors.posix.jna;

import static dev.selectors.posix.jna.JnaErrno.result;

import com.sun.jna.FunctionMapper;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import dev.selectors.posix.AbstractLibC;
import dev.selectors.posix.CSymbols;
import dev.selectors.posix.NativeMemory;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * The C library through JNA: direct mapping ({@code Native.register}, static native methods
 * with primitive arguments) for every call, but for the variadic {@code fcntl} and for
 * {@code strerror}, which go through interface mapping since they are never on a per-event
 * path. errno is read with {@link Native#getLastError()} only when a call failed.
 *
 * <p>Internal: use it through {@link dev.selectors.posix.Natives#libc()}.
 */
public final class JnaLibC extends AbstractLibC {

    /** Loads the C library; {@link dev.selectors.posix.Natives} calls this. */
    public JnaLibC() {
        Direct.getpid();
        if (LINUX) {
            LinuxDirect.getpid();
        }
        if (NFDS_IS_LONG) {
            PollLongNfds.getpid();
        } else {
            PollIntNfds.getpid();
        }
    }

    @Override
    public String bindingName() {
        return "jna";
    }

    @Override
    public int close(int fd) {
        return result(Direct.close(fd));
    }

    @Override
    protected int plainPipe(int[] fds) {
        return result(Direct.pipe(fds));
    }

    @Override
    protected int pipe2(int[] fds, int flags) {
        return result(LinuxDirect.pipe2(fds, flags));
    }

    @Override
    public int fcntl(int fd, int cmd, int arg) {
        return result(Varargs.INSTANCE.fcntl(fd, cmd, arg));
    }

    @Override
    public long read(int fd, long buf, long count) {
        return result(Direct.read(fd, buf, count));
    }

    @Override
    public long write(int fd, long buf, long count) {
        return result(Direct.write(fd, buf, count));
    }

    @Override
    public int poll(long fds, int nfds, int timeoutMillis) {
        return result(NFDS_IS_LONG ? PollLongNfds.poll(fds, nfds, timeoutMillis)
                : PollIntNfds.poll(fds, nfds, timeoutMillis));
    }

    @Override
    public int select(int nfds, long readfds, long writefds, long exceptfds, long timeout) {
        return result(Direct.select(nfds, readfds, writefds, exceptfds, timeout));
    }

    @Override
    protected int plainSocket(int domain, int type, int protocol) {
        return result(Direct.socket(domain, type, protocol));
    }

    @Override
    protected int plainSocketpair(int domain, int type, int protocol, int[] fds) {
        return result(Direct.socketpair(domain, type, protocol, fds));
    }

    @Override
    public int bind(int fd, long addr, int addrlen) {
        return result(Direct.bind(fd, addr, addrlen));
    }

    @Override
    public int connect(int fd, long addr, int addrlen) {
        return result(Direct.connect(fd, addr, addrlen));
    }

    @Override
    public int listen(int fd, int backlog) {
        return result(Direct.listen(fd, backlog));
    }

    @Override
    protected int plainAccept(int fd, long addr, long addrlen) {
        return result(Direct.accept(fd, addr, addrlen));
    }

    @Override
    protected int accept4(int fd, long addr, long addrlen, int flags) {
        return result(LinuxDirect.accept4(fd, addr, addrlen, flags));
    }

    @Override
    public long recv(int fd, long buf, long len, int flags) {
        return result(Direct.recv(fd, buf, len, flags));
    }

    @Override
    public long send(int fd, long buf, long len, int flags) {
        return result(Direct.send(fd, buf, len, flags));
    }

    @Override
    public int shutdown(int fd, int how) {
        return result(Direct.shutdown(fd, how));
    }

    @Override
    public int getsockname(int fd, long addr, long addrlen) {
        return result(Direct.getsockname(fd, addr, addrlen));
    }

    @Override
    public int getpeername(int fd, long addr, long addrlen) {
        return result(Direct.getpeername(fd, addr, addrlen));
    }

    @Override
    public int setsockopt(int fd, int level, int name, long value, int len) {
        return result(Direct.setsockopt(fd, level, name, value, len));
    }

    @Override
    public int getsockopt(int fd, int level, int name, long value, long len) {
        return result(Direct.getsockopt(fd, level, name, value, len));
    }

    @Override
    public String strerror(int errno) {
        return Varargs.INSTANCE.strerror(errno);
    }

    @Override
    public NativeMemory allocate(long size) {
        // JNA's Memory: malloc, and free on close (or, unreachable, by its cleaner).
        Memory memory = new Memory(size);
        memory.clear();
        return memory(Pointer.nativeValue(memory), memory.getByteBuffer(0, size), memory::close);
    }

    @Override
    protected long directBufferAddress(ByteBuffer directBuffer) {
        return Pointer.nativeValue(Native.getDirectBufferPointer(directBuffer));
    }

    /** Calls every Unix has, with pointers as {@code long}. */
    private static final class Direct {
        static {
            // The symbol a C program compiled here would call (NetBSD's __socket30, illumos's __xnet_*...).
            Map<String, Object> options = Map.of(Library.OPTION_FUNCTION_MAPPER,
                    (FunctionMapper) (library, method) -> CSymbols.of(method.getName()));
            Native.register(Direct.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME, options));
        }

        static native int getpid();

        static native int close(int fd);

        static native int pipe(int[] fds);

        static native long read(int fd, long buf, long count);

        static native long write(int fd, long buf, long count);

        static native int select(int nfds, long readfds, long writefds, long exceptfds, long timeout);

        static native int socket(int domain, int type, int protocol);

        static native int socketpair(int domain, int type, int protocol, int[] fds);

        static native int bind(int fd, long addr, int addrlen);

        static native int connect(int fd, long addr, int addrlen);

        static native int listen(int fd, int backlog);

        static native int accept(int fd, long addr, long addrlen);

        static native long recv(int fd, long buf, long len, int flags);

        static native long send(int fd, long buf, long len, int flags);

        static native int shutdown(int fd, int how);

        static native int getsockname(int fd, long addr, long addrlen);

        static native int getpeername(int fd, long addr, long addrlen);

        static native int setsockopt(int fd, int level, int name, long value, int len);

        static native int getsockopt(int fd, int level, int name, long value, long len);
    }

    /** Linux's atomic close-on-exec variants. */
    private static final class LinuxDirect {
        static {
            Native.register(LinuxDirect.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
        }

        static native int getpid();

        static native int pipe2(int[] fds, int flags);

        static native int accept4(int fd, long addr, long addrlen, int flags);
    }

    /** poll(2) where {@code nfds_t} is {@code unsigned long}. */
    private static final class PollLongNfds {
        static {
            Native.register(PollLongNfds.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
        }

        static native int getpid();

        static native int poll(long fds, long nfds, int timeout);
    }

    /** poll(2) where {@code nfds_t} is {@code unsigned int}. */
    private static final class PollIntNfds {
        static {
            Native.register(PollIntNfds.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
        }

        static native int getpid();

        static native int poll(long fds, int nfds, int timeout);
    }

    /** Interface mapping for what direct mapping cannot express (variadic calls, strings). */
    private interface Varargs extends Library {
        Varargs INSTANCE = Native.load(Platform.C_LIBRARY_NAME, Varargs.class);

        int fcntl(int fd, int cmd, Object... args);

        String strerror(int errno);
    }
}
