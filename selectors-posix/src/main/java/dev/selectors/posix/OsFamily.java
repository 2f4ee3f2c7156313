package dev.selectors.posix;

import java.util.Locale;

/**
 * The operating system families whose ABIs differ in ways the backends care about (struct
 * layouts, constants, errno numbers). See {@code shared/ABI.md}.
 */
public enum OsFamily {
    /** Linux, any libc. */
    LINUX,
    /** macOS. */
    DARWIN,
    /** FreeBSD. */
    FREEBSD,
    /** OpenBSD. */
    OPENBSD,
    /** NetBSD. */
    NETBSD,
    /** DragonFly BSD. */
    DRAGONFLY,
    /** Solaris and illumos. */
    SOLARIS,
    /** Anything else, including Windows: no POSIX backend runs there. */
    OTHER;

    /** The family of the running JVM's operating system. */
    public static final OsFamily CURRENT = of(System.getProperty("os.name", ""));

    /**
     * Maps a value of the {@code os.name} system property to its family.
     *
     * @param osName for example {@code "Linux"} or {@code "Mac OS X"}
     * @return the family, {@link #OTHER} when unknown
     */
    public static OsFamily of(String osName) {
        String name = osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("linux")) {
            return LINUX;
        } else if (name.startsWith("mac") || name.startsWith("darwin")) {
            return DARWIN;
        } else if (name.startsWith("freebsd")) {
            return FREEBSD;
        } else if (name.startsWith("openbsd")) {
            return OPENBSD;
        } else if (name.startsWith("netbsd")) {
            return NETBSD;
        } else if (name.startsWith("dragonfly")) {
            return DRAGONFLY;
        } else if (name.startsWith("sunos") || name.startsWith("solaris")) {
            return SOLARIS;
        }
        return OTHER;
    }

    /**
     * Whether this family inherits 4.4BSD's ABI conventions (sin_len in socket addresses,
     * errno 35 for EAGAIN, SOL_SOCKET 0xffff).
     *
     * @return true for macOS and the BSDs
     */
    public boolean isBsd() {
        return this == DARWIN || this == FREEBSD || this == OPENBSD || this == NETBSD
                || this == DRAGONFLY;
    }

    /**
     * Whether the POSIX backends can run here at all.
     *
     * @return false only for {@link #OTHER}
     */
    public boolean isPosix() {
        return this != OTHER;
    }
}
