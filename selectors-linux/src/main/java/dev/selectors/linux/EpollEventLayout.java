package dev.selectors.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;

/**
 * The layout of {@code struct epoll_event}, which depends on the architecture (ABI.md): the
 * kernel header packs it on x86_64 only, so {@code data} sits at offset 4 and the struct is 12
 * bytes there; on aarch64 and every other 64-bit architecture {@code data} is 8-aligned, at
 * offset 8, in 16 bytes. Getting this wrong corrupts every event (an emulator that used the
 * packed layout for an ARM64 guest crashed on it).
 *
 * @param size         {@code sizeof(struct epoll_event)}
 * @param eventsOffset {@code offsetof(struct epoll_event, events)}
 * @param dataOffset   {@code offsetof(struct epoll_event, data)}
 */
public record EpollEventLayout(int size, int eventsOffset, int dataOffset) {

    /** x86_64 (and i386): packed. */
    public static final EpollEventLayout PACKED = new EpollEventLayout(12, 0, 4);
    /** aarch64 and every other architecture: natural alignment. */
    public static final EpollEventLayout ALIGNED = new EpollEventLayout(16, 0, 8);

    /** The layout of the running JVM's architecture. */
    public static final EpollEventLayout CURRENT = forArch(System.getProperty("os.arch", ""));

    /**
     * The layout for a value of the {@code os.arch} property.
     *
     * @param osArch for example {@code "amd64"} or {@code "aarch64"}
     * @return {@link #PACKED} on x86, {@link #ALIGNED} elsewhere
     */
    public static EpollEventLayout forArch(String osArch) {
        switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64":
            case "x86_64":
            case "x86":
            case "i386":
            case "i686":
                return PACKED;
            default:
                return ALIGNED;
        }
    }

    /**
     * Writes event {@code index} of an array.
     *
     * @param buffer the array's memory
     * @param index  the entry
     * @param events EPOLL* bits
     * @param fd     the fd, stored in the low 4 bytes of {@code data} ({@code data.fd})
     */
    public void put(ByteBuffer buffer, int index, int events, int fd) {
        int base = index * size;
        buffer.putInt(base + eventsOffset, events);
        // data.fd is the union's first 4 bytes on either byte order; clear the other 4.
        buffer.putInt(base + dataOffset, fd);
        buffer.putInt(base + dataOffset + 4, 0);
    }

    /**
     * Entry {@code index} whole: its EPOLL* bits in the low half and its {@code data.fd} in the
     * high half, read once where the two are adjacent in little-endian memory (the packed
     * x86_64 layout), twice elsewhere. One read per ready fd instead of two is what the
     * selector's loop over the returned events wants; take the halves with
     * {@link #events(long)} and {@link #fd(long)}.
     *
     * @param buffer the array's memory
     * @param index  the entry
     * @return both fields
     */
    public long entry(ByteBuffer buffer, int index) {
        int base = index * size;
        if (dataOffset == eventsOffset + 4 && buffer.order() == ByteOrder.LITTLE_ENDIAN) {
            return buffer.getLong(base + eventsOffset);
        }
        return (buffer.getInt(base + eventsOffset) & 0xFFFF_FFFFL) | ((long) buffer.getInt(base + dataOffset) << 32);
    }

    /**
     * Returns its EPOLL* bits.
     *
     * @param entry from {@link #entry}
     * @return its EPOLL* bits
     */
    public static int events(long entry) {
        return (int) entry;
    }

    /**
     * Returns its {@code data.fd}.
     *
     * @param entry from {@link #entry}
     * @return its {@code data.fd}
     */
    public static int fd(long entry) {
        return (int) (entry >>> 32);
    }

    /**
     * Returns its EPOLL* bits.
     *
     * @param buffer the array's memory
     * @param index the entry
     * @return its EPOLL* bits
     */
    public int events(ByteBuffer buffer, int index) {
        return buffer.getInt(index * size + eventsOffset);
    }

    /**
     * Returns its {@code data.fd}.
     *
     * @param buffer the array's memory
     * @param index the entry
     * @return its {@code data.fd}
     */
    public int fd(ByteBuffer buffer, int index) {
        return buffer.getInt(index * size + dataOffset);
    }
}
