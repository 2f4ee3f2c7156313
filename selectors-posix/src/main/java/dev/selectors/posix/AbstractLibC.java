package dev.selectors.posix;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * What every binding of the C library does the same way, whatever reaches the kernel: the
 * close-on-exec flag on every fd the library makes, the widths that differ between systems, and
 * the one {@link NativeMemory} class (a binding gives an address, a view and how to free it).
 * A binding implements the plain calls; this class decides how they are combined, once for JNA
 * and FFM alike.
 *
 * <p>Close-on-exec: Linux sets it atomically ({@code pipe2}, {@code SOCK_CLOEXEC},
 * {@code accept4}); elsewhere it is set with {@code fcntl(F_SETFD)} right after the call, as the
 * JDK and CPython do where the atomic variants are missing.
 */
public abstract class AbstractLibC implements LibC {

    /** Linux's O_CLOEXEC, which is also its SOCK_CLOEXEC and the flag of pipe2 and accept4. */
    protected static final int LINUX_CLOEXEC = 0x80000;
    /** Whether the atomic close-on-exec variants exist (Linux). */
    protected static final boolean LINUX = OsFamily.CURRENT == OsFamily.LINUX;
    /** Whether {@code nfds_t}, poll's count, is {@code unsigned long} (glibc, illumos) rather than {@code unsigned int} (the BSDs). */
    protected static final boolean NFDS_IS_LONG = OsFamily.CURRENT == OsFamily.LINUX
            || OsFamily.CURRENT == OsFamily.SOLARIS;

    /** For the bindings. */
    protected AbstractLibC() {
    }

    /**
     * Memory a binding allocated, zeroed, as {@link #allocate} returns it.
     *
     * @param address its first byte
     * @param view    a direct buffer over all of it (its byte order is set here)
     * @param free    frees it; called once, by the first {@code close()}
     * @return the memory
     */
    protected static NativeMemory memory(long address, ByteBuffer view, Runnable free) {
        return new AllocatedMemory(address, view.order(ByteOrder.nativeOrder()), free);
    }

    @Override
    public final long address(ByteBuffer directBuffer) {
        if (!directBuffer.isDirect()) {
            throw new IllegalArgumentException("not a direct buffer: " + directBuffer);
        }
        return directBufferAddress(directBuffer);
    }

    /**
     * The native address of a direct buffer's first byte, as {@link #address(ByteBuffer)}.
     *
     * @param directBuffer a direct buffer
     * @return the address
     */
    protected abstract long directBufferAddress(ByteBuffer directBuffer);

    /**
     * pipe(2) with no flags.
     *
     * @param fds receives both ends
     * @return 0 or -errno
     */
    protected abstract int plainPipe(int[] fds);

    /**
     * Linux's pipe2(2).
     *
     * @param fds   receives both ends
     * @param flags O_* flags
     * @return 0 or -errno; -ENOSYS where the C library lacks it
     */
    protected abstract int pipe2(int[] fds, int flags);

    /**
     * socket(2) as given.
     *
     * @param domain   AF_*
     * @param type     SOCK_*, with SOCK_CLOEXEC on Linux
     * @param protocol protocol
     * @return fd or -errno
     */
    protected abstract int plainSocket(int domain, int type, int protocol);

    /**
     * socketpair(2) as given.
     *
     * @param domain   AF_*
     * @param type     SOCK_*, with SOCK_CLOEXEC on Linux
     * @param protocol protocol
     * @param fds      receives both fds
     * @return 0 or -errno
     */
    protected abstract int plainSocketpair(int domain, int type, int protocol, int[] fds);

    /**
     * accept(2).
     *
     * @param fd      the listening socket
     * @param addr    address of a sockaddr_storage, or 0
     * @param addrlen address of its socklen_t, or 0
     * @return the new fd, or -errno
     */
    protected abstract int plainAccept(int fd, long addr, long addrlen);

    /**
     * Linux's accept4(2).
     *
     * @param fd      the listening socket
     * @param addr    address of a sockaddr_storage, or 0
     * @param addrlen address of its socklen_t, or 0
     * @param flags   SOCK_* flags
     * @return the new fd, or -errno; -ENOSYS where the C library lacks it
     */
    protected abstract int accept4(int fd, long addr, long addrlen, int flags);

    @Override
    public final int pipe(int[] fds) {
        if (LINUX) {
            int r = pipe2(fds, LINUX_CLOEXEC);
            if (r != -Errno.ENOSYS) {
                return r;
            }
        }
        return closeOnExec(plainPipe(fds), fds);
    }

    @Override
    public final int socket(int domain, int type, int protocol) {
        if (LINUX) {
            return plainSocket(domain, type | LINUX_CLOEXEC, protocol);
        }
        return closeOnExec(plainSocket(domain, type, protocol));
    }

    @Override
    public final int socketpair(int domain, int type, int protocol, int[] fds) {
        if (LINUX) {
            return plainSocketpair(domain, type | LINUX_CLOEXEC, protocol, fds);
        }
        return closeOnExec(plainSocketpair(domain, type, protocol, fds), fds);
    }

    @Override
    public final int accept(int fd, long addr, long addrlen) {
        if (LINUX) {
            int conn = accept4(fd, addr, addrlen, LINUX_CLOEXEC);
            if (conn != -Errno.ENOSYS) {
                return conn;
            }
        }
        return closeOnExec(plainAccept(fd, addr, addrlen));
    }

    private int closeOnExec(int fd) {
        if (fd >= 0) {
            fcntl(fd, PosixConstants.F_SETFD, PosixConstants.FD_CLOEXEC);
        }
        return fd;
    }

    private int closeOnExec(int result, int[] fds) {
        if (result == 0) {
            closeOnExec(fds[0]);
            closeOnExec(fds[1]);
        }
        return result;
    }
}
