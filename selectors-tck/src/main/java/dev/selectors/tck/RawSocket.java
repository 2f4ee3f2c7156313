package dev.selectors.tck;

import dev.selectors.FileObject;
import dev.selectors.posix.Errno;
import dev.selectors.posix.LibC;
import dev.selectors.posix.NativeMemory;
import dev.selectors.posix.Natives;
import dev.selectors.posix.PosixConstants;

/**
 * One end of a socket pair as the differential scripts use it, shaped as a Python socket: its
 * {@code fileno()} is -1 once closed, and a call on a closed socket reaches the kernel with -1
 * and fails with EBADF, as CPython's does. Each is moved to the lowest free fd at or above a base,
 * as the CPython driver moves its own, so both processes see the same numbers.
 */
final class RawSocket implements FileObject {

    /** fcntl's F_DUPFD_CLOEXEC on Linux, where the differential runs. */
    private static final int F_DUPFD_CLOEXEC = 1030;

    private final LibC libc = Natives.libc();
    private int fd;

    private RawSocket(int fd) {
        this.fd = fd;
    }

    /** A socket pair, both ends moved at or above {@code base} and non-blocking. */
    static RawSocket[] pair(int base) throws StepException {
        int[] fds = new int[2];
        LibC libc = Natives.libc();
        check(libc.socketpair(PosixConstants.AF_UNIX, PosixConstants.SOCK_STREAM, 0, fds));
        return new RawSocket[] {adopt(fds[0], base), adopt(fds[1], base)};
    }

    private static RawSocket adopt(int fd, int base) throws StepException {
        LibC libc = Natives.libc();
        int moved = check(libc.fcntl(fd, F_DUPFD_CLOEXEC, base));
        libc.close(fd);
        int flags = check(libc.fcntl(moved, PosixConstants.F_GETFL, 0));
        check(libc.fcntl(moved, PosixConstants.F_SETFL, flags | PosixConstants.O_NONBLOCK));
        return new RawSocket(moved);
    }

    @Override
    public int fileno() {
        return fd;
    }

    int send(int bytes) throws StepException {
        try (NativeMemory memory = libc.allocate(Math.max(1, bytes))) {
            return (int) check(libc.send(fd, memory.address(), bytes, PosixConstants.MSG_NOSIGNAL));
        }
    }

    int recv(int bytes) throws StepException {
        try (NativeMemory memory = libc.allocate(Math.max(1, bytes))) {
            return (int) check(libc.recv(fd, memory.address(), bytes, 0));
        }
    }

    void shutdown(int how) throws StepException {
        check(libc.shutdown(fd, how));
    }

    void close() {
        if (fd >= 0) {
            libc.close(fd);
            fd = -1;
        }
    }

    private static long check(long result) throws StepException {
        if (result < 0) {
            throw new StepException("OSError:" + Errno.name((int) -result));
        }
        return result;
    }

    private static int check(int result) throws StepException {
        return (int) check((long) result);
    }

    /** A step's failure, named as the CPython driver names it. */
    static final class StepException extends Exception {
        private static final long serialVersionUID = 1L;

        StepException(String name) {
            super(name, null, false, false);
        }
    }
}
