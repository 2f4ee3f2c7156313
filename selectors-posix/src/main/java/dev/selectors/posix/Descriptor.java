package dev.selectors.posix;

import dev.selectors.FileObject;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.Objects;

/**
 * An owned file descriptor: what {@link Socket} and {@link Pipe.End} share. It closes its fd
 * once, answers {@code fileno() == -1} afterwards (as Python does), switches blocking mode, and
 * moves bytes between the fd and {@link ByteBuffer}s.
 *
 * <p>A direct buffer is read into and written from in place (its address is cached, so reusing
 * one buffer per connection makes each transfer one native call); a heap buffer goes through a
 * temporary native copy. Calls interrupted by a signal are retried (PEP 475). Not thread-safe:
 * one thread at a time, as with a Python socket.
 */
public abstract class Descriptor implements FileObject, Closeable {

    /** The binding every call goes through. */
    protected final LibC libc;
    private final Calls calls;
    private int fd;
    private boolean blocking = true;
    // The address of the last direct buffer read into, and of the last one written from: an
    // event loop reuses one buffer for each, and looking an address up costs more than the
    // system call's own Java side. Two entries, because reading and writing often use
    // different buffers (a load generator sends from a view of its pattern).
    private ByteBuffer lastReadBuffer;
    private long lastReadAddress;
    private ByteBuffer lastWriteBuffer;
    private long lastWriteAddress;

    /** Which calls move the bytes: decided by the kind of fd, once, not per transfer. */
    protected enum Calls {
        /** recv(2) and send(2), for sockets (send with MSG_NOSIGNAL). */
        RECV_SEND("recv", "send"),
        /** read(2) and write(2), for pipes. */
        READ_WRITE("read", "write");

        private final String in;
        private final String out;

        Calls(String in, String out) {
            this.in = in;
            this.out = out;
        }
    }

    /**
     * Takes ownership of an open fd.
     *
     * @param libc  the binding
     * @param fd    an open, blocking file descriptor
     * @param calls the calls that read and write it
     */
    protected Descriptor(LibC libc, int fd, Calls calls) {
        this.libc = libc;
        this.fd = fd;
        this.calls = calls;
    }

    /**
     * Python's {@code fileno()}.
     *
     * @return the fd, or -1 once closed
     */
    @Override
    public final int fileno() {
        return fd;
    }

    /**
     * Python's {@code setblocking(flag)}.
     *
     * @param flag false for non-blocking mode, where calls that would wait throw
     *             {@link BlockingIOException}
     * @throws IOException fcntl failed (EBADF once closed)
     */
    public final void setBlocking(boolean flag) throws IOException {
        setBlocking(libc, fd, flag);
        blocking = flag;
    }

    /** Sets or clears O_NONBLOCK on any fd, making no second call when it is already so. */
    static void setBlocking(LibC libc, int fd, boolean flag) throws IOException {
        int flags = Errno.check("fcntl", libc.fcntl(fd, PosixConstants.F_GETFL, 0));
        int wanted = flag ? flags & ~PosixConstants.O_NONBLOCK : flags | PosixConstants.O_NONBLOCK;
        if (wanted != flags) {
            Errno.check("fcntl", libc.fcntl(fd, PosixConstants.F_SETFL, wanted));
        }
    }

    /**
     * Python's {@code getblocking()}.
     *
     * @return whether this descriptor is in blocking mode
     */
    public final boolean getBlocking() {
        return blocking;
    }

    /**
     * Whether {@link #close()} was called.
     *
     * @return true once closed
     */
    public final boolean isClosed() {
        return fd < 0;
    }

    /**
     * Python's {@code close()}: closes the fd; calling it again does nothing.
     *
     * @throws IOException the kernel reported an error other than EINTR (the fd is released
     *                     all the same)
     */
    @Override
    public void close() throws IOException {
        int closing = fd;
        if (closing < 0) {
            return;
        }
        fd = -1;
        lastReadBuffer = null;
        lastWriteBuffer = null;
        int r = libc.close(closing);
        // Linux releases the fd even when close reports EINTR; retrying could close another fd.
        if (r < 0 && -r != Errno.EINTR) {
            throw Errno.exception("close", -r);
        }
    }

    /**
     * Reads into {@code buffer} from its position, advancing it.
     *
     * @param buffer the destination
     * @return the bytes read; 0 at end of stream (or when the buffer has no room)
     * @throws IOException the call failed; {@link BlockingIOException} when nothing is ready
     *                     in non-blocking mode
     */
    protected final int transferIn(ByteBuffer buffer) throws IOException {
        int position = buffer.position();
        int length = buffer.limit() - position;
        // The usual case calls callIn itself rather than through transferInAt: one call level
        // less lets C2 inline the whole downcall, whose capture-segment check allocates unless
        // inlined (it sits near C2's inlining depth limit).
        int n = length > 0 && buffer.isDirect() && !buffer.isReadOnly()
                ? (int) callIn(readAddress(buffer) + position, length)
                : transferInAt(buffer, position, length);
        buffer.position(position + n);
        return n;
    }

    /**
     * Reads into {@code buffer}'s bytes {@code [offset, offset + length)}, leaving its position
     * and limit as they are.
     *
     * @param buffer the destination, not read-only
     * @param offset the index of the first byte to fill
     * @param length at most this many bytes; {@code offset + length} at most the buffer's limit
     * @return the bytes read; 0 at end of stream (or when {@code length} is 0)
     * @throws IOException the call failed; {@link BlockingIOException} when nothing is ready
     *                     in non-blocking mode
     * @throws IndexOutOfBoundsException the range is not within the buffer's limit
     * @throws ReadOnlyBufferException the buffer is read-only
     */
    protected final int transferInAt(ByteBuffer buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.limit());
        if (buffer.isReadOnly()) {
            throw new ReadOnlyBufferException();
        }
        if (length == 0) {
            return 0;
        }
        if (buffer.isDirect()) {
            return (int) callIn(readAddress(buffer) + offset, length);
        }
        try (NativeMemory temp = libc.allocateTemporary(length)) {
            int n = (int) callIn(temp.address(), length);
            buffer.put(offset, temp.buffer(), 0, n);
            return n;
        }
    }

    /**
     * Writes from {@code buffer}'s position, advancing it by what was written.
     *
     * @param buffer the source
     * @return the bytes written, possibly fewer than remained
     * @throws IOException the call failed; {@link BlockingIOException} when no byte fits in
     *                     non-blocking mode
     */
    protected final int transferOut(ByteBuffer buffer) throws IOException {
        int position = buffer.position();
        int length = buffer.limit() - position;
        // As in transferIn: the usual case one call level nearer the downcall.
        int n = length > 0 && buffer.isDirect()
                ? (int) callOut(writeAddress(buffer) + position, length)
                : transferOutAt(buffer, position, length);
        buffer.position(position + n);
        return n;
    }

    /**
     * Writes {@code buffer}'s bytes {@code [offset, offset + length)}, leaving its position and
     * limit as they are.
     *
     * @param buffer the source
     * @param offset the index of the first byte to write
     * @param length at most this many bytes; {@code offset + length} at most the buffer's limit
     * @return the bytes written, possibly fewer than {@code length}
     * @throws IOException the call failed; {@link BlockingIOException} when no byte fits in
     *                     non-blocking mode
     * @throws IndexOutOfBoundsException the range is not within the buffer's limit
     */
    protected final int transferOutAt(ByteBuffer buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.limit());
        if (length == 0) {
            // As CPython's send(b''): the call is made, so a shut-down or closed socket says so
            // (EPIPE, EBADF); the kernel reads nothing from a zero-length buffer.
            return (int) callOut(0, 0);
        }
        if (buffer.isDirect()) {
            return (int) callOut(writeAddress(buffer) + offset, length);
        }
        try (NativeMemory temp = libc.allocateTemporary(length)) {
            temp.buffer().put(0, buffer, offset, length);
            return (int) callOut(temp.address(), length);
        }
    }

    /** The address of a direct buffer's index 0, remembered for the last buffer read into. */
    private long readAddress(ByteBuffer direct) {
        if (direct != lastReadBuffer) {
            lastReadAddress = libc.address(direct);
            lastReadBuffer = direct;
        }
        return lastReadAddress;
    }

    /** The address of a direct buffer's index 0, remembered for the last buffer written from. */
    private long writeAddress(ByteBuffer direct) {
        if (direct != lastWriteBuffer) {
            lastWriteAddress = libc.address(direct);
            lastWriteBuffer = direct;
        }
        return lastWriteAddress;
    }

    private long callIn(long address, int length) throws IOException {
        for (;;) {
            long n = calls == Calls.RECV_SEND ? libc.recv(fd, address, length, 0)
                    : libc.read(fd, address, length);
            if (n >= 0) {
                return n;
            }
            if (-n != Errno.EINTR) {
                throw Errno.exception(calls.in, (int) -n);
            }
        }
    }

    private long callOut(long address, int length) throws IOException {
        for (;;) {
            long n = calls == Calls.RECV_SEND ? libc.send(fd, address, length, PosixConstants.MSG_NOSIGNAL)
                    : libc.write(fd, address, length);
            if (n >= 0) {
                return n;
            }
            if (-n != Errno.EINTR) {
                throw Errno.exception(calls.out, (int) -n);
            }
        }
    }
}
