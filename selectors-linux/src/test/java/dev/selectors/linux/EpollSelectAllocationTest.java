package dev.selectors.linux;

import static dev.selectors.Selector.EVENT_READ;
import static dev.selectors.Selector.EVENT_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selectors.ReadyHandler;
import dev.selectors.posix.Natives;
import dev.selectors.posix.Socket;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A steady-state epoll select allocates nothing on the Java heap, with a whole timeout
 * (epoll_wait) and with a fraction of a millisecond (epoll_pwait2 where the kernel has it).
 *
 * <p>Alone in its class, and this module forks a JVM per test class, so that the selector's code
 * is compiled only for what is measured: one selector over the real bindings, both kinds of
 * select alternating from the first call to the last (the calls themselves are counted in
 * {@link EpollSelectCallsTest}). On FFM's named C functions, C2 may compile the wait before the
 * JDK's downcall stub has a profile, and the wait then allocates for good in that JVM; the
 * stage of {@code .ci/run} that runs this path passes the JIT option that prevents it (README,
 * "Allocation and the JIT"; BENCHMARKS.md, "Allocation per JVM").
 */
class EpollSelectAllocationTest {

    private static final int WARMUP = 50_000;
    private static final int MEASURED = 10_000;
    private static final int ROUNDS = 5;

    @Test
    void selectAllocatesNothingOnTheHeap() throws IOException {
        int[] handled = new int[1];
        ReadyHandler handler = (key, events) -> handled[0]++;
        List<Socket.Pair> pairs = new ArrayList<>();
        try (EpollSelector selector = new EpollSelector(Natives.libc(), Epoll.binding())) {
            for (int i = 0; i < 8; i++) {
                Socket.Pair pair = Socket.socketpair();
                pairs.add(pair);
                selector.register(pair.first(), EVENT_READ | EVENT_WRITE);
                selector.register(pair.second(), EVENT_READ);
            }
            for (int i = 0; i < WARMUP; i++) {
                selector.select(Duration.ZERO, handler);
                selector.selectNanos(250_000, handler);
            }
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            // Best of five rounds: the JIT may still compile during one (see SelectAllocationTest).
            long fewestHeapBytes = Long.MAX_VALUE;
            for (int round = 0; round < ROUNDS; round++) {
                handled[0] = 0;
                long heapBefore = threads.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < MEASURED; i++) {
                    selector.select(Duration.ZERO, handler);
                    selector.selectNanos(250_000, handler);
                }
                fewestHeapBytes = Math.min(fewestHeapBytes, threads.getCurrentThreadAllocatedBytes() - heapBefore);
                assertEquals(2 * MEASURED * 8, handled[0], "every select should see the 8 writable fds");
            }
            // One object per call would already be 320,000 bytes.
            assertTrue(fewestHeapBytes < 4096, fewestHeapBytes + " heap bytes allocated by " + 2 * MEASURED + " selects");
        } finally {
            for (Socket.Pair pair : pairs) {
                pair.close();
            }
        }
    }
}
