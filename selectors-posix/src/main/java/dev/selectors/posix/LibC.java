package dev.selectors.posix;

import java.nio.ByteBuffer;

/**
 * The binding seam to the C library: every native call the POSIX backends and sockets make
 * goes through this interface, never to JNA or {@code java.lang.foreign} directly.
 *
 * <p>Conventions, the same for every implementation:
 * <ul>
 *   <li>A call returns its non-negative result, or {@code -errno} when it failed, so errno is
 *       read only after a failure and right after the call, on the calling thread.</li>
 *   <li>Pointers are passed as {@code long} addresses (LP64 targets only), usually from a
 *       {@link NativeMemory} the caller owns.</li>
 *   <li>No call allocates native memory, except {@link #allocate(long)}.</li>
 * </ul>
 */
public interface LibC {

    /**
     * The binding's name, shown to users.
     *
     * @return {@code "jna"} or {@code "ffm"}
     */
    String bindingName();

    /**
     * How the calls on the per-message path (recv, send, and the backends' waits) reach the
     * kernel, shown to users next to {@link #bindingName()}.
     *
     * @return {@code "C library wrappers"}, or {@code "direct system calls"} where the binding
     *         bypasses the wrappers' cancellation-point overhead
     */
    default String callPath() {
        return "C library wrappers";
    }

    /**
     * close(2).
     *
     * @param fd a file descriptor
     * @return 0 or -errno
     */
    int close(int fd);

    /**
     * pipe(2), with close-on-exec set on both ends.
     *
     * @param fds receives the read end at [0] and the write end at [1]
     * @return 0 or -errno
     */
    int pipe(int[] fds);

    /**
     * fcntl(2) with an int argument.
     *
     * @param fd fd
     * @param cmd command
     * @param arg argument
     * @return result or -errno
     */
    int fcntl(int fd, int cmd, int arg);

    /**
     * read(2).
     *
     * @param fd fd
     * @param buf address
     * @param count bytes
     * @return bytes read or -errno
     */
    long read(int fd, long buf, long count);

    /**
     * write(2).
     *
     * @param fd fd
     * @param buf address
     * @param count bytes
     * @return bytes written or -errno
     */
    long write(int fd, long buf, long count);

    /**
     * poll(2).
     *
     * @param fds           address of a {@code struct pollfd} array
     * @param nfds          its length
     * @param timeoutMillis -1 to block, 0 to poll, or milliseconds
     * @return the number of entries with events, or -errno
     */
    int poll(long fds, int nfds, int timeoutMillis);

    /**
     * select(2).
     *
     * @param nfds      the highest fd in any set, plus one
     * @param readfds   address of an fd_set, or 0
     * @param writefds  address of an fd_set, or 0
     * @param exceptfds address of an fd_set, or 0
     * @param timeout   address of a {@code struct timeval}, or 0 to block
     * @return the number of ready fds, or -errno
     */
    int select(int nfds, long readfds, long writefds, long exceptfds, long timeout);

    /**
     * socket(2), with close-on-exec.
     *
     * @param domain AF_*
     * @param type SOCK_*
     * @param protocol protocol
     * @return fd or -errno
     */
    int socket(int domain, int type, int protocol);

    /**
     * socketpair(2), with close-on-exec.
     *
     * @param domain AF_*
     * @param type SOCK_*
     * @param protocol protocol
     * @param fds receives both fds
     * @return 0 or -errno
     */
    int socketpair(int domain, int type, int protocol, int[] fds);

    /**
     * bind(2).
     *
     * @param fd fd
     * @param addr sockaddr address
     * @param addrlen its length
     * @return 0 or -errno
     */
    int bind(int fd, long addr, int addrlen);

    /**
     * connect(2).
     *
     * @param fd fd
     * @param addr sockaddr address
     * @param addrlen its length
     * @return 0 or -errno
     */
    int connect(int fd, long addr, int addrlen);

    /**
     * listen(2).
     *
     * @param fd fd
     * @param backlog backlog
     * @return 0 or -errno
     */
    int listen(int fd, int backlog);

    /**
     * accept(2), with close-on-exec on the new fd (accept4 where the system has it).
     *
     * @param fd      the listening socket
     * @param addr    address of a sockaddr_storage, or 0
     * @param addrlen address of a socklen_t holding its size, or 0
     * @return the new fd, or -errno
     */
    int accept(int fd, long addr, long addrlen);

    /**
     * recv(2).
     *
     * @param fd fd
     * @param buf address
     * @param len bytes
     * @param flags MSG_*
     * @return bytes or -errno
     */
    long recv(int fd, long buf, long len, int flags);

    /**
     * send(2).
     *
     * @param fd fd
     * @param buf address
     * @param len bytes
     * @param flags MSG_*
     * @return bytes or -errno
     */
    long send(int fd, long buf, long len, int flags);

    /**
     * shutdown(2).
     *
     * @param fd fd
     * @param how SHUT_*
     * @return 0 or -errno
     */
    int shutdown(int fd, int how);

    /**
     * getsockname(2).
     *
     * @param fd fd
     * @param addr sockaddr_storage address
     * @param addrlen socklen_t address
     * @return 0 or -errno
     */
    int getsockname(int fd, long addr, long addrlen);

    /**
     * getpeername(2).
     *
     * @param fd fd
     * @param addr sockaddr_storage address
     * @param addrlen socklen_t address
     * @return 0 or -errno
     */
    int getpeername(int fd, long addr, long addrlen);

    /**
     * setsockopt(2).
     *
     * @param fd fd
     * @param level level
     * @param name option
     * @param value address
     * @param len length
     * @return 0 or -errno
     */
    int setsockopt(int fd, int level, int name, long value, int len);

    /**
     * getsockopt(2).
     *
     * @param fd fd
     * @param level level
     * @param name option
     * @param value address
     * @param len socklen_t address
     * @return 0 or -errno
     */
    int getsockopt(int fd, int level, int name, long value, long len);

    /**
     * strerror(3).
     *
     * @param errno a positive errno
     * @return the system's description
     */
    String strerror(int errno);

    /**
     * Allocates zeroed native memory; the caller owns it and must close it.
     *
     * @param size bytes, at least 1
     * @return the memory
     */
    NativeMemory allocate(long size);

    /**
     * Allocates zeroed native memory for the calling thread alone, freed by it before it
     * returns: a sockaddr or an option value for one call, a copy of a heap buffer. A binding
     * may free such memory more cheaply than {@link #allocate}'s, which any thread may use
     * and close (FFM: closing a shared arena makes every Java thread stop at a handshake;
     * closing a confined one does not).
     *
     * @param size bytes, at least 1
     * @return the memory, to be closed by the calling thread
     */
    default NativeMemory allocateTemporary(long size) {
        return allocate(size);
    }

    /**
     * The native address of a direct buffer's first byte (not its position). Callers cache it
     * per buffer: it costs a JNI call through JNA.
     *
     * @param directBuffer a direct buffer
     * @return the address
     * @throws IllegalArgumentException the buffer is not direct
     */
    long address(ByteBuffer directBuffer);
}
