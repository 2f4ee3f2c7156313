package dev.selectors.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Pins struct epoll_event to ABI.md: 12 bytes packed on x86_64, 16 on aarch64 and others. */
class EpollEventLayoutTest {

    @Test
    void x86IsPackedAndOtherArchitecturesAreAligned() {
        assertSame(EpollEventLayout.PACKED, EpollEventLayout.forArch("amd64"));
        assertSame(EpollEventLayout.PACKED, EpollEventLayout.forArch("x86_64"));
        assertSame(EpollEventLayout.ALIGNED, EpollEventLayout.forArch("aarch64"));
        assertSame(EpollEventLayout.ALIGNED, EpollEventLayout.forArch("riscv64"));
        assertEquals(new EpollEventLayout(12, 0, 4), EpollEventLayout.PACKED);
        assertEquals(new EpollEventLayout(16, 0, 8), EpollEventLayout.ALIGNED);
    }

    @Test
    void packedEntriesFollowEachOtherEveryTwelveBytes() {
        ByteBuffer memory = ByteBuffer.allocate(36).order(ByteOrder.LITTLE_ENDIAN);
        EpollEventLayout layout = EpollEventLayout.PACKED;

        layout.put(memory, 1, Epoll.EPOLLIN | Epoll.EPOLLOUT, 0x01020304);

        assertEquals(Epoll.EPOLLIN | Epoll.EPOLLOUT, memory.getInt(12));
        assertEquals(0x01020304, memory.getInt(16));
        assertEquals(0, memory.getInt(20));
        assertEquals(0x01020304, layout.fd(memory, 1));
        assertEquals(Epoll.EPOLLIN | Epoll.EPOLLOUT, layout.events(memory, 1));
    }

    @Test
    void alignedEntriesPadTheEventsAndPutDataAtEight() {
        ByteBuffer memory = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
        EpollEventLayout layout = EpollEventLayout.ALIGNED;

        layout.put(memory, 2, Epoll.EPOLLHUP, 77);

        assertEquals(Epoll.EPOLLHUP, memory.getInt(32));
        assertEquals(77, memory.getInt(40));
        assertEquals(77, layout.fd(memory, 2));
    }

    @Test
    void anEntryReadWholeHasTheSameFieldsInEveryLayoutAndByteOrder() {
        for (EpollEventLayout layout : new EpollEventLayout[] {EpollEventLayout.PACKED, EpollEventLayout.ALIGNED}) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                ByteBuffer memory = ByteBuffer.allocateDirect(3 * layout.size()).order(order);
                layout.put(memory, 1, Epoll.EPOLLIN | Epoll.EPOLLERR, 0x7ffffff0);
                layout.put(memory, 2, Epoll.EPOLLOUT, 3);

                long entry = layout.entry(memory, 1);
                assertEquals(Epoll.EPOLLIN | Epoll.EPOLLERR, EpollEventLayout.events(entry), layout + " " + order);
                assertEquals(0x7ffffff0, EpollEventLayout.fd(entry), layout + " " + order);
                assertEquals(3, EpollEventLayout.fd(layout.entry(memory, 2)), layout + " " + order);
                assertEquals(Epoll.EPOLLOUT, EpollEventLayout.events(layout.entry(memory, 2)), layout + " " + order);
            }
        }
    }

    @Test
    void dataFdIsTheUnionsFirstFourBytesOnBigEndianToo() {
        ByteBuffer memory = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN);

        EpollEventLayout.ALIGNED.put(memory, 0, Epoll.EPOLLIN, 5);

        assertEquals(5, memory.getInt(8));
        assertEquals(0, memory.getInt(12));
    }
}
