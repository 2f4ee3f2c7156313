package dev.selectors.bsd;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.selectors.Selector;
import dev.selectors.posix.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The emulation is strict about layouts, so the conformance tests prove something: a FreeBSD
 * 11 library (32-byte struct kevent) read with the FreeBSD 12 layout (64 bytes) reports the
 * wrong events.
 */
class KqueueLayoutMismatchTest {

    @Test
    void readingEventsWithTheWrongStrideGivesWrongResults() throws Exception {
        System.setProperty(Kqueue.LIBRARY_PROPERTY, KqueueEmulation.build(KeventLayout.FREEBSD11).toString());
        System.setProperty(Kqueue.LAYOUT_PROPERTY, KeventLayout.FREEBSD12.name());
        List<Socket.Pair> pairs = new ArrayList<>();
        try (Selector selector = new KqueueSelector()) {
            Set<Object> writers = new java.util.HashSet<>();
            for (int i = 0; i < 4; i++) {
                Socket.Pair pair = Socket.socketpair();
                pairs.add(pair);
                selector.register(pair.first(), Selector.EVENT_WRITE);
                writers.add(pair.first());
            }
            Set<Object> reported = selector.select(Duration.ZERO).stream().map(r -> r.key().fileobj())
                    .collect(Collectors.toSet());
            // With the right layout these are equal (the conformance tests show it).
            assertNotEquals(writers, reported);
        } finally {
            for (Socket.Pair pair : pairs) {
                pair.close();
            }
        }
    }
}
