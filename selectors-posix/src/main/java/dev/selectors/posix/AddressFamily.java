package dev.selectors.posix;

/** Python's {@code socket.AF_*}: the address families a {@link Socket} supports. */
public enum AddressFamily {
    /** IPv4: Python's {@code AF_INET}, the default. */
    INET(PosixConstants.AF_INET),
    /** IPv6: Python's {@code AF_INET6}. */
    INET6(PosixConstants.AF_INET6),
    /** Local sockets: Python's {@code AF_UNIX}, the family of {@link Socket#socketpair()}. */
    UNIX(PosixConstants.AF_UNIX);

    private final int value;

    AddressFamily(int value) {
        this.value = value;
    }

    /**
     * Returns the C constant on this operating system.
     *
     * @return the C constant on this operating system
     */
    public int value() {
        return value;
    }
}
