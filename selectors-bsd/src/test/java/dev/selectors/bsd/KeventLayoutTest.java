package dev.selectors.bsd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.selectors.posix.OsFamily;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Pins each struct kevent layout to shared/ABI.md's table. */
class KeventLayoutTest {

    private static void assertLayout(KeventLayout layout, int size, int filter, int flags, int fflags, int data,
                                     int udata, int read, int write, int user, String symbol) {
        assertEquals(size, layout.size(), layout.name() + " size");
        assertEquals(filter, layout.filterOffset(), layout.name() + " filter");
        assertEquals(flags, layout.flagsOffset(), layout.name() + " flags");
        assertEquals(fflags, layout.fflagsOffset(), layout.name() + " fflags");
        assertEquals(data, layout.dataOffset(), layout.name() + " data");
        assertEquals(udata, layout.udataOffset(), layout.name() + " udata");
        assertEquals(read, layout.evfiltRead(), layout.name() + " EVFILT_READ");
        assertEquals(write, layout.evfiltWrite(), layout.name() + " EVFILT_WRITE");
        assertEquals(user, layout.evfiltUser(), layout.name() + " EVFILT_USER");
        assertEquals(symbol, layout.keventSymbol(), layout.name() + " symbol");
    }

    @Test
    void everyLayoutMatchesTheAbiTable() {
        assertLayout(KeventLayout.MACOS, 32, 8, 10, 12, 16, 24, -1, -2, -10, "kevent");
        assertLayout(KeventLayout.FREEBSD11, 32, 8, 10, 12, 16, 24, -1, -2, -11, "kevent");
        assertLayout(KeventLayout.FREEBSD12, 64, 8, 10, 12, 16, 24, -1, -2, -11, "kevent");
        assertLayout(KeventLayout.OPENBSD, 32, 8, 10, 12, 16, 24, -1, -2, 0, "kevent");
        assertLayout(KeventLayout.NETBSD9, 40, 8, 12, 16, 24, 32, 0, 1, 0, "__kevent50");
        assertLayout(KeventLayout.NETBSD10, 40, 8, 12, 16, 24, 32, 0, 1, 8, "__kevent50");
        assertLayout(KeventLayout.NETBSD11, 72, 8, 12, 16, 24, 32, 0, 1, 8, "__kevent100");
        assertLayout(KeventLayout.DRAGONFLY, 32, 8, 10, 12, 16, 24, -1, -2, -9, "kevent");
    }

    @Test
    void changesAreEncodedWithTheFieldWidthsOfEachFamily() {
        ByteBuffer narrow = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        KeventLayout.FREEBSD12.put(narrow, 0, 7, -2, KeventLayout.EV_ADD);
        assertEquals(7, narrow.getLong(0));
        assertEquals(-2, narrow.getShort(8));
        assertEquals(KeventLayout.EV_ADD, narrow.getShort(10));
        assertEquals(-2, KeventLayout.FREEBSD12.filter(narrow, 0));
        KeventLayout.MACOS.put(narrow, 0, 0, -10, KeventLayout.EV_ADD | KeventLayout.EV_CLEAR, KeventLayout.NOTE_TRIGGER);
        assertEquals(KeventLayout.NOTE_TRIGGER, narrow.getInt(12));

        ByteBuffer wide = ByteBuffer.allocate(80).order(ByteOrder.LITTLE_ENDIAN);
        KeventLayout.NETBSD10.put(wide, 1, 9, 1, KeventLayout.EV_DELETE);
        assertEquals(9, wide.getLong(40));
        assertEquals(1, wide.getInt(48));
        assertEquals(KeventLayout.EV_DELETE, wide.getInt(52));
        assertEquals(9, KeventLayout.NETBSD10.ident(wide, 1));
        assertEquals(KeventLayout.EV_DELETE, KeventLayout.NETBSD10.flags(wide, 1));
    }

    @Test
    void onlyNetBsdPassesSizeTCounts() {
        for (KeventLayout layout : KeventLayout.ALL) {
            assertEquals(layout.name().startsWith("netbsd"), layout.sizeCounts(), layout.name());
        }
    }

    @Test
    void theLayoutFollowsTheSystemAndItsVersion() {
        assertSame(KeventLayout.MACOS, KeventLayout.forSystem(OsFamily.DARWIN, "14.5"));
        assertSame(KeventLayout.FREEBSD11, KeventLayout.forSystem(OsFamily.FREEBSD, "11.4-RELEASE"));
        assertSame(KeventLayout.FREEBSD12, KeventLayout.forSystem(OsFamily.FREEBSD, "12.0-RELEASE"));
        assertSame(KeventLayout.FREEBSD12, KeventLayout.forSystem(OsFamily.FREEBSD, "14.1-RELEASE-p3"));
        assertSame(KeventLayout.OPENBSD, KeventLayout.forSystem(OsFamily.OPENBSD, "7.5"));
        assertSame(KeventLayout.NETBSD9, KeventLayout.forSystem(OsFamily.NETBSD, "9.3"));
        assertSame(KeventLayout.NETBSD9, KeventLayout.forSystem(OsFamily.NETBSD, "8.2"));
        assertSame(KeventLayout.NETBSD10, KeventLayout.forSystem(OsFamily.NETBSD, "10.0"));
        assertSame(KeventLayout.NETBSD10, KeventLayout.forSystem(OsFamily.NETBSD, "10.1"));
        assertSame(KeventLayout.NETBSD11, KeventLayout.forSystem(OsFamily.NETBSD, "10.99.12"));
        assertSame(KeventLayout.NETBSD11, KeventLayout.forSystem(OsFamily.NETBSD, "11.0"));
        assertSame(KeventLayout.DRAGONFLY, KeventLayout.forSystem(OsFamily.DRAGONFLY, "6.4"));
        assertNull(KeventLayout.forSystem(OsFamily.LINUX, "6.18"));
        assertSame(KeventLayout.NETBSD11, KeventLayout.named("NetBSD11"));
        assertThrows(IllegalArgumentException.class, () -> KeventLayout.named("solaris"));
    }
}
