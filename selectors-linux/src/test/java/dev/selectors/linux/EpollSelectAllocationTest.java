package dev.selectors.linux;

import static dev.selectors.Selector.EVENT_READ;
import static dev.selectors.Selector.EVENT_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selectors.ReadyHandler;
import dev.selectors.posix.CountingLibC;
import dev.selectors.posix.Natives;
import dev.selectors.posix.Socket;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A steady-state epoll select makes one epoll_wait (one epoll_pwait2 for a timeout with a
 * fraction of a millisecond), no native allocation and no heap allocation. Alone in its class, and this module forks a JVM per test class: calls made by
 * other tests through the same interfaces with other implementations change what the JIT
 * inlines, and with it what escape analysis can remove. The heap is measured on a selector
 * over the real bindings: the counting wrappers add call levels that can push an FFM downcall
 * past the JIT's inlining depth and make the test, not the selector, allocate.
 */
class EpollSelectAllocationTest {

    @Test
    void selectMakesOneEpollWaitNoNativeAllocationAndNoHeapAllocation() throws IOException {
        CountingLibC libc = new CountingLibC(Natives.libc());
        AtomicInteger waits = new AtomicInteger();
        AtomicInteger preciseWaits = new AtomicInteger();
        EpollBinding real = Epoll.binding();
        EpollBinding counting = new EpollBinding() {
            @Override
            public int epollCreate1(int flags) {
                return real.epollCreate1(flags);
            }

            @Override
            public int epollCtl(int epfd, int op, int fd, long event) {
                return real.epollCtl(epfd, op, fd, event);
            }

            @Override
            public int epollWait(int epfd, long events, int maxEvents, int timeoutMillis) {
                waits.incrementAndGet();
                return real.epollWait(epfd, events, maxEvents, timeoutMillis);
            }

            @Override
            public int epollPwait2(int epfd, long events, int maxEvents, long timeout) {
                preciseWaits.incrementAndGet();
                return real.epollPwait2(epfd, events, maxEvents, timeout);
            }

            @Override
            public int eventfd(int initval, int flags) {
                return real.eventfd(initval, flags);
            }
        };
        int[] handled = new int[1];
        ReadyHandler handler = (key, events) -> handled[0]++;
        List<Socket.Pair> pairs = new ArrayList<>();
        try (EpollSelector selector = new EpollSelector(libc, counting);
             EpollSelector plain = new EpollSelector(Natives.libc(), real)) {
            for (int i = 0; i < 8; i++) {
                Socket.Pair pair = Socket.socketpair();
                pairs.add(pair);
                selector.register(pair.first(), EVENT_READ | EVENT_WRITE);
                selector.register(pair.second(), EVENT_READ);
                plain.register(pair.first(), EVENT_READ | EVENT_WRITE);
                plain.register(pair.second(), EVENT_READ);
            }
            selector.select(Duration.ZERO, handler);
            int allocations = libc.allocations.get();
            int waitsBefore = waits.get();
            handled[0] = 0;
            for (int i = 0; i < 20_000; i++) {
                selector.select(Duration.ZERO, handler);
            }
            assertEquals(20_000 * 8, handled[0]);
            assertEquals(20_000, waits.get() - waitsBefore, "one epoll_wait per select");
            assertEquals(allocations, libc.allocations.get(), "native allocations during select");
            // A timeout with a fraction of a millisecond: one epoll_pwait2 per select where the
            // kernel has it (Linux 5.11+), else epoll_wait; no native allocation either way.
            int preciseBefore = preciseWaits.get();
            waitsBefore = waits.get();
            for (int i = 0; i < 1_000; i++) {
                selector.selectNanos(250_000, handler);
            }
            assertEquals(1_000, preciseWaits.get() - preciseBefore + waits.get() - waitsBefore, "one wait per select");
            assertEquals(allocations, libc.allocations.get(), "native allocations during a precise select");

            for (int i = 0; i < 50_000; i++) {
                plain.select(Duration.ZERO, handler);
                plain.selectNanos(250_000, handler);
            }
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            // Best of five rounds: the JIT may still compile during one (see SelectAllocationTest).
            long fewestHeapBytes = Long.MAX_VALUE;
            for (int round = 0; round < 5; round++) {
                handled[0] = 0;
                long heapBefore = threads.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < 10_000; i++) {
                    plain.select(Duration.ZERO, handler);
                    plain.selectNanos(250_000, handler);
                }
                fewestHeapBytes = Math.min(fewestHeapBytes, threads.getCurrentThreadAllocatedBytes() - heapBefore);
                assertEquals(20_000 * 8, handled[0]);
            }
            assertTrue(fewestHeapBytes < 4096, fewestHeapBytes + " heap bytes allocated by 20,000 selects");
        } finally {
            for (Socket.Pair pair : pairs) {
                pair.close();
            }
        }
    }

}
