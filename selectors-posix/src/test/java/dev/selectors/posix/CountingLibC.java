package dev.selectors.posix;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link LibC} that counts native allocations and waits, delegating everything; shared with
 * the backend modules' tests through this module's test-jar.
 */
public final class CountingLibC implements LibC {

    /** The real binding. */
    public final LibC delegate;
    /** How many times {@link #allocate} or {@link #allocateTemporary} was called. */
    public final AtomicInteger allocations = new AtomicInteger();
    /** How many times poll or select was called. */
    public final AtomicInteger polls = new AtomicInteger();

    /** @param delegate the real binding */
    public CountingLibC(LibC delegate) {
        this.delegate = delegate;
    }

    @Override public String bindingName() { return delegate.bindingName(); }
    @Override public int close(int fd) { return delegate.close(fd); }
    @Override public int pipe(int[] fds) { return delegate.pipe(fds); }
    @Override public int fcntl(int fd, int cmd, int arg) { return delegate.fcntl(fd, cmd, arg); }
    @Override public long read(int fd, long buf, long count) { return delegate.read(fd, buf, count); }
    @Override public long write(int fd, long buf, long count) { return delegate.write(fd, buf, count); }

    @Override
    public int poll(long fds, int nfds, int timeoutMillis) {
        polls.incrementAndGet();
        return delegate.poll(fds, nfds, timeoutMillis);
    }

    @Override
    public int select(int nfds, long readfds, long writefds, long exceptfds, long timeout) {
        polls.incrementAndGet();
        return delegate.select(nfds, readfds, writefds, exceptfds, timeout);
    }

    @Override public int socket(int domain, int type, int protocol) { return delegate.socket(domain, type, protocol); }
    @Override public int socketpair(int domain, int type, int protocol, int[] fds) { return delegate.socketpair(domain, type, protocol, fds); }
    @Override public int bind(int fd, long addr, int addrlen) { return delegate.bind(fd, addr, addrlen); }
    @Override public int connect(int fd, long addr, int addrlen) { return delegate.connect(fd, addr, addrlen); }
    @Override public int listen(int fd, int backlog) { return delegate.listen(fd, backlog); }
    @Override public int accept(int fd, long addr, long addrlen) { return delegate.accept(fd, addr, addrlen); }
    @Override public long recv(int fd, long buf, long len, int flags) { return delegate.recv(fd, buf, len, flags); }
    @Override public long send(int fd, long buf, long len, int flags) { return delegate.send(fd, buf, len, flags); }
    @Override public int shutdown(int fd, int how) { return delegate.shutdown(fd, how); }
    @Override public int getsockname(int fd, long addr, long addrlen) { return delegate.getsockname(fd, addr, addrlen); }
    @Override public int getpeername(int fd, long addr, long addrlen) { return delegate.getpeername(fd, addr, addrlen); }
    @Override public int setsockopt(int fd, int level, int name, long value, int len) { return delegate.setsockopt(fd, level, name, value, len); }
    @Override public int getsockopt(int fd, int level, int name, long value, long len) { return delegate.getsockopt(fd, level, name, value, len); }
    @Override public String strerror(int errno) { return delegate.strerror(errno); }

    @Override
    public NativeMemory allocate(long size) {
        allocations.incrementAndGet();
        return delegate.allocate(size);
    }

    @Override
    public NativeMemory allocateTemporary(long size) {
        allocations.incrementAndGet();
        return delegate.allocateTemporary(size);
    }

    @Override public long address(ByteBuffer directBuffer) { return delegate.address(directBuffer); }
}
