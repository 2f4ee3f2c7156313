package dev.selectors.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * One call's temporary native memory (a sockaddr, an option value) is zeroed, sized as asked,
 * and, with the FFM binding, confined to its thread: freeing it then needs no handshake with
 * every Java thread, which a shared arena's close does (measured in BENCHMARKS.md: three such
 * closes per accepted connection made a futex storm).
 */
class TemporaryMemoryTest {

    @Test
    void temporaryMemoryIsZeroedAndSized() {
        try (NativeMemory memory = Natives.libc().allocateTemporary(128)) {
            assertEquals(128, memory.size());
            assertTrue(memory.address() != 0);
            for (int i = 0; i < 128; i++) {
                assertEquals(0, memory.buffer().get(i), "byte " + i);
            }
        }
    }

    @Test
    void withFfmTemporaryMemoryBelongsToItsThread() throws Exception {
        // JNA's memory is malloc'd: any thread may free it, and freeing costs the same.
        assumeTrue(Natives.libc().bindingName().equals("ffm"), "not the FFM binding");
        NativeMemory memory = Natives.libc().allocateTemporary(16);
        AtomicReference<Throwable> fromOtherThread = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                memory.close();
            } catch (Throwable t) {
                fromOtherThread.set(t);
            }
        });
        other.start();
        other.join();
        assertNotNull(fromOtherThread.get(), "another thread freed a confined arena");
        assertEquals("WrongThreadException", fromOtherThread.get().getClass().getSimpleName());
        memory.close();
    }
}
