package dev.selectors.posix;

/**
 * C constants the POSIX code passes to the kernel, named as in the headers and chosen at
 * start-up by operating system family. Sources: {@code shared/ABI.md} and the headers it cites
 * (Linux values were checked on this project's Linux machines; the BSD and illumos values are
 * taken from the rust-lang/libc tables and are unverified on a real kernel here).
 */
public final class PosixConstants {

    private static final OsFamily OS = OsFamily.CURRENT;
    private static final boolean BSD = OS.isBsd();
    private static final boolean SOLARIS = OS == OsFamily.SOLARIS;

    /** fcntl: get file status flags. */
    public static final int F_GETFL = 3;
    /** fcntl: set file status flags. */
    public static final int F_SETFL = 4;
    /** fcntl: set fd flags. */
    public static final int F_SETFD = 2;
    /** fd flag: close on exec. */
    public static final int FD_CLOEXEC = 1;
    /** Non-blocking mode: 0x800 Linux, 0x4 BSD, 0x80 illumos. */
    public static final int O_NONBLOCK = BSD ? 0x4 : SOLARIS ? 0x80 : 0x800;

    /** poll(2) events, the same on every Unix but for POLLWRNORM/POLLRDHUP (unused here). */
    public static final short POLLIN = 0x001;
    /** Writable. */
    public static final short POLLOUT = 0x004;
    /** Error (output only). */
    public static final short POLLERR = 0x008;
    /** Hang-up (output only). */
    public static final short POLLHUP = 0x010;
    /** Invalid fd (output only). */
    public static final short POLLNVAL = 0x020;

    /** select(2)'s fd_set capacity: 256 on NetBSD, 65536 on 64-bit illumos, else 1024. */
    public static final int FD_SETSIZE = OS == OsFamily.NETBSD ? 256 : SOLARIS ? 65536 : 1024;
    /** Bytes per fd_set word: 4 ({@code int32}) on macOS, OpenBSD, NetBSD; 8 elsewhere. */
    public static final int FD_SET_WORD_BYTES =
            OS == OsFamily.DARWIN || OS == OsFamily.OPENBSD || OS == OsFamily.NETBSD ? 4 : 8;

    /** Local (Unix domain) sockets. */
    public static final int AF_UNIX = 1;
    /** IPv4. */
    public static final int AF_INET = 2;
    /** IPv6: 10 Linux, 30 macOS, 28 FreeBSD/DragonFly, 24 OpenBSD/NetBSD, 26 illumos. */
    public static final int AF_INET6 = switch (OS) {
        case DARWIN -> 30;
        case FREEBSD, DRAGONFLY -> 28;
        case OPENBSD, NETBSD -> 24;
        case SOLARIS -> 26;
        default -> 10;
    };
    /** Stream sockets: 2 on illumos, 1 elsewhere. */
    public static final int SOCK_STREAM = SOLARIS ? 2 : 1;

    /** Socket-level options. */
    public static final int SOL_SOCKET = BSD || SOLARIS ? 0xffff : 1;
    /** Reuse a local address in TIME_WAIT. */
    public static final int SO_REUSEADDR = BSD || SOLARIS ? 0x4 : 2;
    /** Several sockets on one port (no illumos value: -1). */
    public static final int SO_REUSEPORT = BSD ? 0x200 : SOLARIS ? -1 : 15;
    /** Keep-alive probes. */
    public static final int SO_KEEPALIVE = BSD || SOLARIS ? 0x8 : 9;
    /** Send buffer size. */
    public static final int SO_SNDBUF = BSD || SOLARIS ? 0x1001 : 7;
    /** Receive buffer size. */
    public static final int SO_RCVBUF = BSD || SOLARIS ? 0x1002 : 8;
    /** Pending error (read by non-blocking connect). */
    public static final int SO_ERROR = BSD || SOLARIS ? 0x1007 : 4;
    /** TCP options level. */
    public static final int IPPROTO_TCP = 6;
    /** Disable Nagle. */
    public static final int TCP_NODELAY = 1;

    /** Do not raise SIGPIPE on a closed peer (Linux; the JVM ignores SIGPIPE elsewhere). */
    public static final int MSG_NOSIGNAL = OS == OsFamily.LINUX ? 0x4000 : 0;

    /** shutdown: no more receptions. */
    public static final int SHUT_RD = 0;
    /** shutdown: no more transmissions. */
    public static final int SHUT_WR = 1;
    /** shutdown: both. */
    public static final int SHUT_RDWR = 2;

    private PosixConstants() {
    }
}
