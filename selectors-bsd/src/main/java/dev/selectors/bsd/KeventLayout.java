package dev.selectors.bsd;

import dev.selectors.posix.OsFamily;
import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * The layout of {@code struct kevent} and the kqueue constants that differ between the systems
 * that have kqueue (shared/ABI.md, from the rust-lang/libc tables and NetBSD's
 * {@code sys/sys/event.h}). LP64 only.
 * <pre>
 * macOS, FreeBSD &le; 11, OpenBSD, DragonFly (32 bytes):
 *   uintptr_t ident @0; int16_t filter @8; uint16_t flags @10; uint32_t fflags @12;
 *   intptr_t/int64_t data @16; void *udata @24
 * FreeBSD &ge; 12 (64 bytes): the same, then uint64_t ext[4] @32
 * NetBSD 9 and 10 (40 bytes, symbol __kevent50; size_t nchanges and nevents):
 *   uintptr_t ident @0; uint32_t filter @8; uint32_t flags @12; uint32_t fflags @16;
 *   (pad) int64_t data @24; void *udata @32
 * NetBSD 11 (72 bytes, symbol __kevent100): the same, then uint64_t ext[4] @40
 * </pre>
 *
 * @param name          the layout's name, as {@code selectors.kqueue.layout} takes it
 * @param size          {@code sizeof(struct kevent)}
 * @param filterOffset  offset of {@code filter}
 * @param flagsOffset   offset of {@code flags}
 * @param fflagsOffset  offset of {@code fflags}
 * @param dataOffset    offset of {@code data}
 * @param udataOffset   offset of {@code udata}
 * @param wideFilters   whether filter and flags are 32-bit (NetBSD) rather than 16-bit
 * @param evfiltRead    {@code EVFILT_READ}: -1, or 0 on NetBSD
 * @param evfiltWrite   {@code EVFILT_WRITE}: -2, or 1 on NetBSD
 * @param evfiltUser    {@code EVFILT_USER}, the wake-up filter, or 0 where the selector uses a
 *                      pipe instead (OpenBSD, which added the filter only recently)
 * @param keventSymbol  the C symbol of kevent(2): NetBSD renames it in its headers
 * @param sizeCounts    whether kevent(2)'s {@code nchanges} and {@code nevents} are {@code size_t}
 *                      (NetBSD) rather than {@code int}: passed as an {@code int}, the upper half of
 *                      their 64-bit registers would be undefined
 */
public record KeventLayout(String name, int size, int filterOffset, int flagsOffset, int fflagsOffset,
                           int dataOffset, int udataOffset, boolean wideFilters, int evfiltRead, int evfiltWrite,
                           int evfiltUser, String keventSymbol, boolean sizeCounts) {

    /** Offset of {@code ident}, the same everywhere. */
    public static final int IDENT_OFFSET = 0;

    /** {@code EV_ADD}: add the filter. */
    public static final int EV_ADD = 0x0001;
    /** {@code EV_DELETE}: remove the filter. */
    public static final int EV_DELETE = 0x0002;
    /** {@code EV_CLEAR}: reset the event's state once it has been retrieved. */
    public static final int EV_CLEAR = 0x0020;
    /** {@code NOTE_TRIGGER}: the fflags bit that fires an EVFILT_USER event. */
    public static final int NOTE_TRIGGER = 0x0100_0000;
    /** {@code EV_ERROR}: set on an event that reports a failed change, errno in data. */
    public static final int EV_ERROR = 0x4000;
    /** {@code EV_EOF}: the peer closed, or the fd hit an error. */
    public static final int EV_EOF = 0x8000;

    /** macOS, x86_64 and arm64. */
    public static final KeventLayout MACOS = new KeventLayout("macos", 32, 8, 10, 12, 16, 24, false, -1, -2, -10, "kevent", false);
    /** FreeBSD 11 and older. */
    public static final KeventLayout FREEBSD11 = new KeventLayout("freebsd11", 32, 8, 10, 12, 16, 24, false, -1, -2, -11, "kevent", false);
    /** FreeBSD 12 and newer: 64-bit data and ext[4]. */
    public static final KeventLayout FREEBSD12 = new KeventLayout("freebsd12", 64, 8, 10, 12, 16, 24, false, -1, -2, -11, "kevent", false);
    /** OpenBSD. */
    public static final KeventLayout OPENBSD = new KeventLayout("openbsd", 32, 8, 10, 12, 16, 24, false, -1, -2, 0, "kevent", false);
    /** NetBSD 10: 32-bit filter and flags, other filter numbers, {@code __kevent50}, size_t counts. */
    public static final KeventLayout NETBSD10 = new KeventLayout("netbsd10", 40, 8, 12, 16, 24, 32, true, 0, 1, 8, "__kevent50", true);
    /**
     * NetBSD 9 and older: NetBSD 10's layout without {@code EVFILT_USER}, which NetBSD added in
     * 10.0; the selector wakes up through a pipe.
     */
    public static final KeventLayout NETBSD9 = new KeventLayout("netbsd9", 40, 8, 12, 16, 24, 32, true, 0, 1, 0, "__kevent50", true);
    /** NetBSD 11: NetBSD 10's layout plus ext[4], {@code __kevent100}. */
    public static final KeventLayout NETBSD11 = new KeventLayout("netbsd11", 72, 8, 12, 16, 24, 32, true, 0, 1, 8, "__kevent100", true);
    /** DragonFly BSD. */
    public static final KeventLayout DRAGONFLY = new KeventLayout("dragonfly", 32, 8, 10, 12, 16, 24, false, -1, -2, -9, "kevent", false);

    // EVFILT_USER: macOS -10 and DragonFly -9 as the rust-lang/libc tables give them; FreeBSD -11
    // and NetBSD 8 from their <sys/event.h>, not checked against a stored copy here.

    /** Every layout, for tests and for {@link #named(String)}. */
    public static final KeventLayout[] ALL = {MACOS, FREEBSD11, FREEBSD12, OPENBSD, NETBSD9, NETBSD10, NETBSD11, DRAGONFLY};

    /**
     * The layout of a running system.
     *
     * @param os      its family
     * @param version the {@code os.version} property, e.g. {@code "14.1-RELEASE"} or {@code "10.99.12"}
     * @return the layout, or {@code null} where there is no kqueue
     */
    public static KeventLayout forSystem(OsFamily os, String version) {
        switch (os) {
            case DARWIN:
                return MACOS;
            case FREEBSD:
                // The struct grew in FreeBSD 12; dlsym("kevent") gives the new ABI there (jnr-enxio#39).
                return major(version) >= 12 ? FREEBSD12 : FREEBSD11;
            case OPENBSD:
                return OPENBSD;
            case NETBSD:
                // 10.99.x is NetBSD-current on its way to 11, where __kevent100 appeared;
                // EVFILT_USER arrived in 10.0.
                if (major(version) >= 11 || version.startsWith("10.99")) {
                    return NETBSD11;
                }
                return major(version) >= 10 ? NETBSD10 : NETBSD9;
            case DRAGONFLY:
                return DRAGONFLY;
            default:
                return null;
        }
    }

    private static int major(String version) {
        String digits = version.replaceAll("^(\\d+).*$", "$1");
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException unknown) {
            return 0;
        }
    }

    /**
     * A layout by name.
     *
     * @param name for example {@code "freebsd12"}
     * @return the layout
     * @throws IllegalArgumentException no layout has that name
     */
    public static KeventLayout named(String name) {
        for (KeventLayout layout : ALL) {
            if (layout.name.equals(name.trim().toLowerCase(Locale.ROOT))) {
                return layout;
            }
        }
        throw new IllegalArgumentException("no struct kevent layout named '" + name
                + "'; known: macos, freebsd11, freebsd12, openbsd, netbsd9, netbsd10, netbsd11, dragonfly");
    }

    /**
     * Writes change {@code index}: EV_SET(kev, ident, filter, flags, 0, 0, 0), zeroing the rest.
     *
     * @param buffer the changelist, native byte order
     * @param index  which {@code struct kevent} of it
     * @param ident  the fd
     * @param filter EVFILT_*
     * @param flags  EV_*
     */
    public void put(ByteBuffer buffer, int index, int ident, int filter, int flags) {
        put(buffer, index, ident, filter, flags, 0);
    }

    /**
     * Writes change {@code index}: EV_SET(kev, ident, filter, flags, fflags, 0, 0), zeroing the rest.
     *
     * @param buffer the changelist, native byte order
     * @param index  which {@code struct kevent} of it
     * @param ident  the fd (or the EVFILT_USER identifier)
     * @param filter EVFILT_*
     * @param flags  EV_*
     * @param fflags the filter's flags (NOTE_TRIGGER for EVFILT_USER)
     */
    public void put(ByteBuffer buffer, int index, int ident, int filter, int flags, int fflags) {
        int base = index * size;
        for (int i = 0; i < size; i += 8) {
            buffer.putLong(base + i, 0);
        }
        buffer.putLong(base + IDENT_OFFSET, ident & 0xFFFF_FFFFL);
        if (wideFilters) {
            buffer.putInt(base + filterOffset, filter);
            buffer.putInt(base + flagsOffset, flags);
        } else {
            buffer.putShort(base + filterOffset, (short) filter);
            buffer.putShort(base + flagsOffset, (short) flags);
        }
        buffer.putInt(base + fflagsOffset, fflags);
    }

    /**
     * Reads the ident of an event.
     *
     * @param buffer the eventlist the kernel filled, native byte order
     * @param index  which {@code struct kevent} of it
     * @return the ident (the fd) of event {@code index}
     */
    public int ident(ByteBuffer buffer, int index) {
        return (int) buffer.getLong(index * size + IDENT_OFFSET);
    }

    /**
     * Reads the filter of an event.
     *
     * @param buffer the eventlist the kernel filled, native byte order
     * @param index  which {@code struct kevent} of it
     * @return the filter of event {@code index}, sign-extended as the C type is
     */
    public int filter(ByteBuffer buffer, int index) {
        int base = index * size;
        return wideFilters ? buffer.getInt(base + filterOffset) : buffer.getShort(base + filterOffset);
    }

    /**
     * Reads the flags of an event.
     *
     * @param buffer the eventlist the kernel filled, native byte order
     * @param index  which {@code struct kevent} of it
     * @return the flags of event {@code index}
     */
    public int flags(ByteBuffer buffer, int index) {
        int base = index * size;
        return wideFilters ? buffer.getInt(base + flagsOffset) : buffer.getShort(base + flagsOffset) & 0xFFFF;
    }

}
