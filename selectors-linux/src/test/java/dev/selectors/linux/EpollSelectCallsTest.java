package dev.selectors.linux;

import static dev.selectors.Selector.EVENT_READ;
import static dev.selectors.Selector.EVENT_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.selectors.ReadyHandler;
import dev.selectors.posix.CountingLibC;
import dev.selectors.posix.Natives;
import dev.selectors.posix.Socket;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A steady-state epoll select makes one epoll_wait (one epoll_pwait2 for a timeout with a
 * fraction of a millisecond) and no native allocation, counted through wrappers around the
 * bindings. The heap is measured in {@link EpollSelectAllocationTest}, in a JVM of its own: the
 * wrappers' calls change what the JIT compiles for the selector's shared code.
 */
class EpollSelectCallsTest {

    @Test
    void selectMakesOneEpollWaitAndNoNativeAllocation() throws IOException {
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
        try (EpollSelector selector = new EpollSelector(libc, counting)) {
            for (int i = 0; i < 8; i++) {
                Socket.Pair pair = Socket.socketpair();
                pairs.add(pair);
                selector.register(pair.first(), EVENT_READ | EVENT_WRITE);
                selector.register(pair.second(), EVENT_READ);
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
        } finally {
            for (Socket.Pair pair : pairs) {
                pair.close();
            }
        }
    }

}
