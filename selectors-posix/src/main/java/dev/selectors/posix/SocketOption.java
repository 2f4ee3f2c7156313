package dev.selectors.posix;

/**
 * The socket options {@link Socket#setsockopt} and {@link Socket#getsockopt} take, named as in
 * Python's {@code socket} module, with their level and number on this operating system.
 */
public enum SocketOption {
    /** Reuse a local address still in TIME_WAIT. */
    SO_REUSEADDR(PosixConstants.SOL_SOCKET, PosixConstants.SO_REUSEADDR),
    /** Let several sockets bind the same port (the kernel spreads connections among them). */
    SO_REUSEPORT(PosixConstants.SOL_SOCKET, PosixConstants.SO_REUSEPORT),
    /** Send keep-alive probes. */
    SO_KEEPALIVE(PosixConstants.SOL_SOCKET, PosixConstants.SO_KEEPALIVE),
    /** The send buffer's size. */
    SO_SNDBUF(PosixConstants.SOL_SOCKET, PosixConstants.SO_SNDBUF),
    /** The receive buffer's size. */
    SO_RCVBUF(PosixConstants.SOL_SOCKET, PosixConstants.SO_RCVBUF),
    /** The pending error, read after a non-blocking connect (get only). */
    SO_ERROR(PosixConstants.SOL_SOCKET, PosixConstants.SO_ERROR),
    /** Send small segments at once (disable Nagle's algorithm). */
    TCP_NODELAY(PosixConstants.IPPROTO_TCP, PosixConstants.TCP_NODELAY);

    private final int level;
    private final int number;

    SocketOption(int level, int number) {
        this.level = level;
        this.number = number;
    }

    /**
     * Returns the option's level (SOL_SOCKET, IPPROTO_TCP).
     *
     * @return the option's level (SOL_SOCKET, IPPROTO_TCP)
     */
    public int level() {
        return level;
    }

    /**
     * Returns the option's number on this system, or -1 where the system lacks it.
     *
     * @return the option's number on this system, or -1 where the system lacks it
     */
    public int number() {
        return number;
    }
}
