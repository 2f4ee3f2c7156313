package dev.selectors.linux;

import static dev.selectors.Selector.EVENT_READ;
import static dev.selectors.Selector.EVENT_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selectors.Backend;
import dev.selectors.ErrnoException;
import dev.selectors.NotRegisteredException;
import dev.selectors.Selector;
import dev.selectors.Selectors;
import dev.selectors.posix.Socket;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
