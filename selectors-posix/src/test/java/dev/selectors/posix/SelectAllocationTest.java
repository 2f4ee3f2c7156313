package dev.selectors.posix;

import static dev.selectors.Selector.EVENT_READ;
import static dev.selectors.Selector.EVENT_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selectors.ReadyHandler;
import dev.selectors.spi.AbstractSelector;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 2: select() on the poll backend makes no per-call native allocation and, in its
 * handler form, allocates nothing on the Java heap either once warmed up.
 *
 * <p>Two selectors, because each property needs its own conditions: a counting wrapper around
 * the binding shows one system call and no native allocation per select; the heap is measured
 * on a selector over the real binding, since the wrapper's extra call level can push an FFM
 * downcall past the JIT's inlining depth and make the test, not the selector, allocate. The JIT
 * may still be compiling during a round, so the heap check takes the best of a few rounds:
 * steady state is what is claimed.
 */
class SelectAllocationTest {

    private static final int WARMUP = 50_000;
    private static final int MEASURED = 20_000;
    private static final int ROUNDS = 5;

    private int handled;
    private final ReadyHandler handler = (key, events) -> handled++;

    @Test
    void pollSelectMakesNoNativeAllocationAndNoHeapAllocation() throws IOException {
        CountingLibC libc = new CountingLibC(Natives.libc());
        try (PollSelector counted = new PollSelector(libc); PollSelector plain = new PollSelector(Natives.libc())) {
            assertOneCallAndNoNativeAllocation(counted, libc);
            assertNoHeapAllocation(plain);
        }
    }

    @Test
    void selectSelectMakesNoNativeAllocationAndNoHeapAllocation() throws IOException {
        CountingLibC libc = new CountingLibC(Natives.libc());
        try (SelectSelector counted = new SelectSelector(libc); SelectSelector plain = new SelectSelector(Natives.libc())) {
            assertOneCallAndNoNativeAllocation(counted, libc);
            assertNoHeapAllocation(plain);
        }
    }

    private List<Socket.Pair> register(AbstractSelector selector) throws IOException {
        List<Socket.Pair> pairs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Socket.Pair pair = Socket.socketpair();
            pairs.add(pair);
            selector.register(pair.first(), EVENT_READ | EVENT_WRITE);
            selector.register(pair.second(), EVENT_READ);
        }
        return pairs;
    }

    private static void closeAll(List<Socket.Pair> pairs) throws IOException {
        for (Socket.Pair pair : pairs) {
            pair.close();
        }
    }

    private void assertOneCallAndNoNativeAllocation(AbstractSelector selector, CountingLibC libc) throws IOException {
        List<Socket.Pair> pairs = register(selector);
        try {
            selector.select(Duration.ZERO, handler);
            int allocationsBefore = libc.allocations.get();
            int pollsBefore = libc.polls.get();
            handled = 0;
            for (int i = 0; i < MEASURED; i++) {
                selector.select(Duration.ZERO, handler);
            }
            assertEquals(MEASURED * 8, handled, "every select should see the 8 writable fds");
            assertEquals(MEASURED, libc.polls.get() - pollsBefore, "one system call per select");
            assertEquals(allocationsBefore, libc.allocations.get(), "native allocations during select");
        } finally {
            closeAll(pairs);
        }
    }

    private void assertNoHeapAllocation(AbstractSelector selector) throws IOException {
        List<Socket.Pair> pairs = register(selector);
        try {
            for (int i = 0; i < WARMUP; i++) {
                selector.select(Duration.ZERO, handler);
            }
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long fewestHeapBytes = Long.MAX_VALUE;
            for (int round = 0; round < ROUNDS; round++) {
                handled = 0;
                long heapBefore = threads.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < MEASURED; i++) {
                    selector.select(Duration.ZERO, handler);
                }
                fewestHeapBytes = Math.min(fewestHeapBytes, threads.getCurrentThreadAllocatedBytes() - heapBefore);
                assertEquals(MEASURED * 8, handled, "every select should see the 8 writable fds");
            }
            // A few hundred bytes of slack for JIT and accounting noise; one object per call
            // would already be 320,000 bytes.
            assertTrue(fewestHeapBytes < 4096, fewestHeapBytes + " heap bytes allocated by " + MEASURED + " selects");
        } finally {
            closeAll(pairs);
        }
    }
}
