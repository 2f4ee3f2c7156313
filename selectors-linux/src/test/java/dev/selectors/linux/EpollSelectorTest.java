package dev.selectors.linux;

import static dev.selectors.Selector.EVENT_READ;
import static dev.selectors.Selector.EVENT_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selectors.Backend;
import dev.selectors.ErrnoException;
import dev.selectors.NotRegisteredException;
import dev.selectors.ReadyHandler;
import dev.selectors.Selector;
import dev.selectors.Selectors;
import dev.selectors.posix.CountingLibC;
import dev.selectors.posix.Natives;
import dev.selectors.posix.Socket;
import java.io.FileInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only epoll does, beyond the contract. */
class EpollSelectorTest {

    @Test
    void aRegularFileIsRefusedWithEpermAndLeavesNoKey(@TempDir Path dir) throws IOException {
        // CPython test_register_file.
        Path file = Files.writeString(dir.resolve("regular"), "data");
        try (Selector selector = new EpollSelector(); FileInputStream in = new FileInputStream(file.toFile())) {
            int fd = fdOf(in);
            ErrnoException e = assertThrows(ErrnoException.class, () -> selector.register(fd, EVENT_READ));
            assertEquals("EPERM", e.errnoName());
            assertTrue(e.getMessage().startsWith("epoll_ctl: EPERM"), e.getMessage());
            assertThrows(NotRegisteredException.class, () -> selector.getKey(fd));
        }
    }

    /** The fd behind a FileInputStream, found through /proc, since the JDK keeps it private. */
    private static int fdOf(FileInputStream in) throws IOException {
        String target = in.getChannel().toString();
        for (Path link : Files.list(Path.of("/proc/self/fd")).collect(Collectors.toList())) {
            try {
                if (Files.readSymbolicLink(link).toString().endsWith("regular")) {
                    return Integer.parseInt(link.getFileName().toString());
                }
            } catch (IOException vanished) {
                // the fd of the directory listing itself
            }
        }
        throw new IllegalStateException("no fd found for " + target);
    }

    @Test
    void filenoIsTheEpollFd() throws IOException {
        try (EpollSelector selector = new EpollSelector()) {
            Path link = Files.readSymbolicLink(Path.of("/proc/self/fd/" + selector.fileno()));
            assertEquals("anon_inode:[eventpoll]", link.toString());
        }
    }

    @Test
    void epollIsTheDefaultOnLinuxAndEveryBackendIsListed() throws IOException {
        try (Selector selector = Selectors.open()) {
            assertEquals("epoll", selector.backendName());
        }
        List<Backend> backends = Selectors.backends();
        assertEquals(List.of("epoll", "poll", "select"),
                backends.stream().map(Backend::name).collect(Collectors.toList()));
        assertTrue(backends.stream().allMatch(Backend::available), backends.toString());
    }

    @Test
    void selectMakesOneEpollWaitNoNativeAllocationAndNoHeapAllocation() throws IOException {
        CountingLibC libc = new CountingLibC(Natives.libc());
        AtomicInteger waits = new AtomicInteger();
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
            for (int i = 0; i < 50_000; i++) {
                selector.select(Duration.ZERO, handler);
            }
            int allocations = libc.allocations.get();
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            // Best of five rounds: the JIT may still compile during one (see SelectAllocationTest).
            long fewestHeapBytes = Long.MAX_VALUE;
            for (int round = 0; round < 5; round++) {
                int waitsBefore = waits.get();
                handled[0] = 0;
                long heapBefore = threads.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < 20_000; i++) {
                    selector.select(Duration.ZERO, handler);
                }
                fewestHeapBytes = Math.min(fewestHeapBytes, threads.getCurrentThreadAllocatedBytes() - heapBefore);
                assertEquals(20_000 * 8, handled[0]);
                assertEquals(20_000, waits.get() - waitsBefore, "one epoll_wait per select");
            }
            assertEquals(allocations, libc.allocations.get(), "native allocations during select");
            assertTrue(fewestHeapBytes < 4096, fewestHeapBytes + " heap bytes allocated by 20,000 selects");
        } finally {
            for (Socket.Pair pair : pairs) {
                pair.close();
            }
        }
    }

    @Test
    void theEventArrayGrowsWithRegistrationsSoOneSelectSeesEveryFd() throws IOException {
        List<Socket.Pair> pairs = new ArrayList<>();
        try (Selector selector = new EpollSelector()) {
            for (int i = 0; i < 300; i++) {
                Socket.Pair pair = Socket.socketpair();
                pairs.add(pair);
                selector.register(pair.first(), EVENT_WRITE);
            }
            assertEquals(300, selector.select(Duration.ZERO).size());
        } finally {
            for (Socket.Pair pair : pairs) {
                pair.close();
            }
        }
    }
}
