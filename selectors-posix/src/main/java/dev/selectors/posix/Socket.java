package dev.selectors.posix;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Python's {@code socket.socket} for stream sockets: what the documented echo example uses,
 * and a {@link dev.selectors.FileObject} any selector can watch.
 *
 * <p>Errors are {@link dev.selectors.ErrnoException}s carrying errno and its name; in
 * non-blocking mode a call that would wait throws {@link BlockingIOException}, Python's
 * {@code BlockingIOError}. Host names resolve as in Python: {@code "localhost"} to the first
 * address of the socket's family, {@code ""} to the wildcard address.
 *
 * <p>For a hot loop, {@link #recvInto(ByteBuffer)} and {@link #send(ByteBuffer)} with a direct
 * buffer reused per connection make exactly one native call each.
 */
public final class Socket extends Descriptor {

    /** Python's {@code socket.SHUT_RD}. */
    public static final int SHUT_RD = PosixConstants.SHUT_RD;
    /** Python's {@code socket.SHUT_WR}. */
    public static final int SHUT_WR = PosixConstants.SHUT_WR;
    /** Python's {@code socket.SHUT_RDWR}. */
    public static final int SHUT_RDWR = PosixConstants.SHUT_RDWR;

    private final AddressFamily family;

    /**
     * Python's {@code socket.socket()}: a blocking IPv4 stream socket.
     *
     * @throws IOException socket(2) failed, for example EMFILE
     */
    public Socket() throws IOException {
        this(AddressFamily.INET);
    }

    /**
     * Python's {@code socket.socket(family)}: a blocking stream socket.
     *
     * @param family the address family
     * @throws IOException socket(2) failed, for example EMFILE
     */
    public Socket(AddressFamily family) throws IOException {
        this(Natives.libc(), family, Errno.check("socket",
                Natives.libc().socket(family.value(), PosixConstants.SOCK_STREAM, 0)));
    }

    private Socket(LibC libc, AddressFamily family, int fd) {
        super(libc, fd, Calls.RECV_SEND);
        this.family = family;
    }

    /**
     * Python's {@code socket.socket(family, fileno=fd)}: a stream socket on an fd opened
     * elsewhere (inherited, dup'ed, passed in), which the new object owns and closes.
     *
     * @param family the fd's address family
     * @param fd     an open stream socket's fd
     * @return the socket
     * @throws IllegalArgumentException the fd is negative
     */
    public static Socket fromFileno(AddressFamily family, int fd) {
        if (fd < 0) {
            throw new IllegalArgumentException("negative file descriptor: " + fd);
        }
        return new Socket(Natives.libc(), family, fd);
    }

    /**
     * Python's {@code socket.socketpair()}: two connected, blocking AF_UNIX stream sockets.
     *
     * @return the pair
     * @throws IOException socketpair(2) failed
     */
    public static Pair socketpair() throws IOException {
        LibC libc = Natives.libc();
        int[] fds = new int[2];
        Errno.check("socketpair", libc.socketpair(PosixConstants.AF_UNIX, PosixConstants.SOCK_STREAM, 0, fds));
        return new Pair(new Socket(libc, AddressFamily.UNIX, fds[0]), new Socket(libc, AddressFamily.UNIX, fds[1]));
    }

    /**
     * Returns the socket's address family.
     *
     * @return the socket's address family
     */
    public AddressFamily family() {
        return family;
    }

    /**
     * Python's {@code bind((host, port))}.
     *
     * @param host a name or literal address; {@code ""} for every local address
     * @param port a port, 0 for any free one
     * @throws IOException the name did not resolve, or bind(2) failed (EADDRINUSE)
     */
    public void bind(String host, int port) throws IOException {
        bind(SocketAddresses.resolve(host, port, family));
    }

    /**
     * Python's {@code bind(address)}.
     *
     * @param address an {@link InetSocketAddress}, or a {@link UnixDomainSocketAddress} for
     *                AF_UNIX
     * @throws IOException bind(2) failed
     */
    public void bind(SocketAddress address) throws IOException {
        try (NativeMemory sockaddr = libc.allocateTemporary(SocketAddresses.STORAGE_SIZE)) {
            int length = SocketAddresses.encode(sockaddr.buffer(), address, family);
            Errno.check("bind", libc.bind(fileno(), sockaddr.address(), length));
        }
    }

    /**
     * Python's {@code listen(backlog)}.
     *
     * @param backlog how many connections the kernel may queue before accept
     * @throws IOException listen(2) failed
     */
    public void listen(int backlog) throws IOException {
        Errno.check("listen", libc.listen(fileno(), Math.max(0, backlog)));
    }

    /**
     * Python's {@code listen()}: a backlog of 128 (Python's {@code min(SOMAXCONN, 128)}).
     *
     * @throws IOException listen(2) failed
     */
    public void listen() throws IOException {
        listen(128);
    }

    /**
     * Python's {@code accept()}: the new connection is blocking, as in Python.
     *
     * @return the connection and the peer's address
     * @throws IOException accept(2) failed; {@link BlockingIOException} when none is pending
     *                     on a non-blocking socket
     */
    public Accepted accept() throws IOException {
        try (NativeMemory sockaddr = libc.allocateTemporary(SocketAddresses.STORAGE_SIZE + 8)) {
            ByteBuffer buffer = sockaddr.buffer();
            long lengthAddress = sockaddr.address() + SocketAddresses.STORAGE_SIZE;
            for (;;) {
                buffer.putInt(SocketAddresses.STORAGE_SIZE, SocketAddresses.STORAGE_SIZE);
                int fd = libc.accept(fileno(), sockaddr.address(), lengthAddress);
                if (fd >= 0) {
                    Socket connection = new Socket(libc, family, fd);
                    int length = buffer.getInt(SocketAddresses.STORAGE_SIZE);
                    SocketAddress peer = length > 2 ? SocketAddresses.decode(buffer, length) : null;
                    return new Accepted(connection, peer);
                }
                if (-fd != Errno.EINTR) {
                    throw Errno.exception("accept", -fd);
                }
            }
        }
    }

    /**
     * Python's {@code connect((host, port))}.
     *
     * @param host a name or literal address
     * @param port the port
     * @throws IOException the name did not resolve or connect(2) failed; a non-blocking
     *                     socket throws EINPROGRESS: use {@link #connectEx(SocketAddress)}
     */
    public void connect(String host, int port) throws IOException {
        connect(SocketAddresses.resolve(host, port, family));
    }

    /**
     * Python's {@code connect(address)}.
     *
     * @param address where to connect
     * @throws IOException connect(2) failed
     */
    public void connect(SocketAddress address) throws IOException {
        int errno = connectEx(address);
        if (errno != 0) {
            throw Errno.exception("connect", errno);
        }
    }

    /**
     * Python's {@code connect_ex(address)}: the errno instead of an exception, for
     * non-blocking connects (EINPROGRESS, then wait for EVENT_WRITE and read SO_ERROR).
     *
     * @param address where to connect
     * @return 0 on success, else the errno
     * @throws IOException the address could not be encoded
     */
    public int connectEx(SocketAddress address) throws IOException {
        try (NativeMemory sockaddr = libc.allocateTemporary(SocketAddresses.STORAGE_SIZE)) {
            int length = SocketAddresses.encode(sockaddr.buffer(), address, family);
            int r = libc.connect(fileno(), sockaddr.address(), length);
            // An interrupted connect goes on in the background: report it as in progress.
            return r == 0 ? 0 : -r == Errno.EINTR ? Errno.EINPROGRESS : -r;
        }
    }

    /**
     * Python's {@code recv(bufsize)}.
     *
     * @param bufsize the most bytes to return
     * @return the bytes received; empty when the peer closed its end
     * @throws IOException recv(2) failed (ECONNRESET...); {@link BlockingIOException} when
     *                     nothing is ready on a non-blocking socket
     */
    public byte[] recv(int bufsize) throws IOException {
        if (bufsize < 0) {
            throw new IllegalArgumentException("negative buffersize in recv: " + bufsize);
        }
        ByteBuffer buffer = ByteBuffer.allocate(bufsize);
        int n = transferIn(buffer);
        return Arrays.copyOf(buffer.array(), n);
    }

    /**
     * Python's {@code recv_into(buffer)}: receives into the buffer from its position and
     * advances it.
     *
     * @param buffer the destination; a reused direct buffer makes this one native call
     * @return the bytes received; 0 when the peer closed its end (or no room was left)
     * @throws IOException as {@link #recv(int)}
     */
    public int recvInto(ByteBuffer buffer) throws IOException {
        return transferIn(buffer);
    }

    /**
     * Python's {@code recv_into(memoryview(buffer)[offset:offset + length])}: receives into a
     * range of the buffer, leaving its position and limit alone, so that a loop reusing one
     * buffer need not reset it per call.
     *
     * @param buffer the destination; a reused direct buffer makes this one native call
     * @param offset the index of the first byte to fill
     * @param length the most bytes to receive; {@code offset + length} at most the buffer's limit
     * @return the bytes received; 0 when the peer closed its end (or {@code length} is 0)
     * @throws IOException as {@link #recv(int)}
     * @throws IndexOutOfBoundsException the range is not within the buffer's limit
     * @throws java.nio.ReadOnlyBufferException the buffer is read-only
     */
    public int recvInto(ByteBuffer buffer, int offset, int length) throws IOException {
        return transferInAt(buffer, offset, length);
    }

    /**
     * Python's {@code send(data)}: sends what fits now.
     *
     * @param data the bytes
     * @return how many were sent, possibly fewer than given
     * @throws IOException send(2) failed (EPIPE, ECONNRESET...); {@link BlockingIOException}
     *                     when nothing fits on a non-blocking socket
     */
    public int send(byte[] data) throws IOException {
        return transferOut(ByteBuffer.wrap(data));
    }

    /**
     * Python's {@code send(data)} from a buffer's position, advancing it by what was sent.
     *
     * @param buffer the source; a reused direct buffer makes this one native call
     * @return how many bytes were sent
     * @throws IOException as {@link #send(byte[])}
     */
    public int send(ByteBuffer buffer) throws IOException {
        return transferOut(buffer);
    }

    /**
     * Python's {@code send(memoryview(data)[offset:offset + length])}: sends what fits now of a
     * range of the buffer, leaving its position and limit alone.
     *
     * @param buffer the source; a reused direct buffer makes this one native call
     * @param offset the index of the first byte to send
     * @param length how many bytes to offer; {@code offset + length} at most the buffer's limit
     * @return how many bytes were sent, possibly fewer than {@code length}
     * @throws IOException as {@link #send(byte[])}
     * @throws IndexOutOfBoundsException the range is not within the buffer's limit
     */
    public int send(ByteBuffer buffer, int offset, int length) throws IOException {
        return transferOutAt(buffer, offset, length);
    }

    /**
     * Python's {@code sendall(data)}: sends every byte, waiting as needed on a blocking
     * socket.
     *
     * @param data the bytes
     * @throws IOException send(2) failed; on a non-blocking socket
     *                     {@link BlockingIOException} once the socket buffer is full
     */
    public void sendall(byte[] data) throws IOException {
        sendall(ByteBuffer.wrap(data));
    }

    /**
     * Python's {@code sendall(data)} from a buffer's position to its limit.
     *
     * @param buffer the source, advanced to its limit
     * @throws IOException as {@link #sendall(byte[])}
     */
    public void sendall(ByteBuffer buffer) throws IOException {
        // At least one send, as CPython's sendall(b'') makes: a shut-down socket says so.
        do {
            transferOut(buffer);
        } while (buffer.hasRemaining());
    }

    /**
     * Python's {@code shutdown(how)}.
     *
     * @param how {@link #SHUT_RD}, {@link #SHUT_WR} or {@link #SHUT_RDWR}
     * @throws IOException shutdown(2) failed (ENOTCONN)
     */
    public void shutdown(int how) throws IOException {
        Errno.check("shutdown", libc.shutdown(fileno(), how));
    }

    /**
     * Python's {@code setsockopt(level, option, value)}.
     *
     * @param option the option
     * @param value  its integer value (1 or 0 for flags)
     * @throws IOException setsockopt(2) failed
     * @throws UnsupportedOperationException this system lacks the option
     */
    public void setsockopt(SocketOption option, int value) throws IOException {
        checkSupported(option);
        try (NativeMemory memory = libc.allocateTemporary(4)) {
            memory.buffer().putInt(0, value);
            Errno.check("setsockopt", libc.setsockopt(fileno(), option.level(), option.number(),
                    memory.address(), 4));
        }
    }

    /**
     * Python's {@code getsockopt(level, option)}.
     *
     * @param option the option
     * @return its integer value
     * @throws IOException getsockopt(2) failed
     * @throws UnsupportedOperationException this system lacks the option
     */
    public int getsockopt(SocketOption option) throws IOException {
        checkSupported(option);
        try (NativeMemory memory = libc.allocateTemporary(8)) {
            memory.buffer().putInt(4, 4);
            Errno.check("getsockopt", libc.getsockopt(fileno(), option.level(), option.number(),
                    memory.address(), memory.address() + 4));
            return memory.buffer().getInt(0);
        }
    }

    private static void checkSupported(SocketOption option) {
        if (option.number() < 0) {
            throw new UnsupportedOperationException(option + " does not exist on " + System.getProperty("os.name"));
        }
    }

    /**
     * Python's {@code getsockname()}.
     *
     * @return the local address: an {@link InetSocketAddress}, or a
     *         {@link UnixDomainSocketAddress} (empty path when unnamed)
     * @throws IOException getsockname(2) failed
     */
    public SocketAddress getsockname() throws IOException {
        return address("getsockname", false);
    }

    /**
     * Python's {@code getpeername()}.
     *
     * @return the peer's address
     * @throws IOException getpeername(2) failed (ENOTCONN)
     */
    public SocketAddress getpeername() throws IOException {
        return address("getpeername", true);
    }

    private SocketAddress address(String call, boolean peer) throws IOException {
        try (NativeMemory sockaddr = libc.allocateTemporary(SocketAddresses.STORAGE_SIZE + 8)) {
            long lengthAddress = sockaddr.address() + SocketAddresses.STORAGE_SIZE;
            sockaddr.buffer().putInt(SocketAddresses.STORAGE_SIZE, SocketAddresses.STORAGE_SIZE);
            int r = peer ? libc.getpeername(fileno(), sockaddr.address(), lengthAddress)
                    : libc.getsockname(fileno(), sockaddr.address(), lengthAddress);
            Errno.check(call, r);
            return SocketAddresses.decode(sockaddr.buffer(), sockaddr.buffer().getInt(SocketAddresses.STORAGE_SIZE));
        }
    }

    /**
     * Python's socket repr, for the echo example's "accepted ..." lines, as CPython 3.11 and
     * newer print it (the family and type as the system's numbers; 3.10 and older printed
     * {@code AddressFamily.AF_INET} and {@code SocketKind.SOCK_STREAM}).
     *
     * @return for example {@code <socket.socket fd=5, family=2, type=1, proto=0,
     *         laddr=('127.0.0.1', 1234), raddr=('127.0.0.1', 50000)>}
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("<socket.socket ");
        if (isClosed()) {
            text.append("[closed] ");
        }
        text.append("fd=").append(fileno()).append(", family=").append(family.value())
                .append(", type=").append(PosixConstants.SOCK_STREAM).append(", proto=0");
        if (!isClosed()) {
            appendAddress(text, ", laddr=", false);
            appendAddress(text, ", raddr=", true);
        }
        return text.append('>').toString();
    }

    private void appendAddress(StringBuilder text, String label, boolean peer) {
        try {
            SocketAddress address = peer ? getpeername() : getsockname();
            if (!(address instanceof UnixDomainSocketAddress)
                    || !((UnixDomainSocketAddress) address).getPath().toString().isEmpty()) {
                text.append(label).append(PythonRepr.address(address));
            }
        } catch (IOException notConnected) {
            // Python's repr leaves out an address it cannot get, too.
        }
    }

    /**
     * Python's {@code (conn, address)} from {@code accept()}.
     *
     * @param socket  the new connection, in blocking mode
     * @param address the peer's address ({@code null} when the system gave none)
     */
    public record Accepted(Socket socket, SocketAddress address) {
    }

    /**
     * Python's {@code (a, b)} from {@code socketpair()}; closing the pair closes both.
     *
     * @param first  one end
     * @param second the other end
     */
    public record Pair(Socket first, Socket second) implements Closeable {
        @Override
        public void close() throws IOException {
            try {
                first.close();
            } finally {
                second.close();
            }
        }
    }

    /**
     * Shortcut used by tests and demos: an IPv4 listening socket on 127.0.0.1 and a free port.
     *
     * @param backlog the listen backlog
     * @return the listening socket
     * @throws IOException a call failed
     */
    public static Socket listenLoopback(int backlog) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setsockopt(SocketOption.SO_REUSEADDR, 1);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            socket.listen(backlog);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }
}
