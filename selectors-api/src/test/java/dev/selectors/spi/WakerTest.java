package dev.selectors.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The base drives a backend's {@link Waker} and owns its resources: wake-ups coalesce until the
 * backend saw one, the signal is drained once seen, and everything the backend handed to
 * {@link AbstractSelector#resources()} is closed with the selector, in reverse, once, even when
 * closing one of them fails.
 */
class WakerTest {

    /** Counts what the base asks of it. */
    private static final class CountingWaker implements Waker {
        int signals;
        int drains;

        @Override
        public void signal() {
            signals++;
        }

        @Override
        public void drain() {
            drains++;
        }
    }

    /** A backend with no kernel: its wait sees the waker fired when a signal is outstanding. */
    private static final class FakeSelector extends AbstractSelector {
        final CountingWaker waker;
        final List<String> closed = new ArrayList<>();

        FakeSelector(boolean secondCloseFails) {
            super("fake");
            resources().own(() -> closed.add("first"));
            resources().own(() -> {
                closed.add("second");
                if (secondCloseFails) {
                    throw new IllegalStateException("the second resource's close failed");
                }
            });
            waker = wakeWith(new CountingWaker());
            resources().ownFd(7, fd -> closed.add("fd " + fd));
        }

        void wakeWithAgain(Waker another) {
            wakeWith(another);
        }

        @Override
        protected void addInterest(int fd, int events) {
        }

        @Override
        protected void changeInterest(int fd, int oldEvents, int newEvents) {
        }

        @Override
        protected void removeInterest(int fd, int events) {
        }

        @Override
        protected void doSelect(long timeoutNanos) throws IOException {
            if (waker.signals > waker.drains) {
                wakeupReceived();
            }
        }
    }

    @Test
    void wakeUpsCoalesceUntilTheBackendSawOne() throws IOException {
        try (FakeSelector selector = new FakeSelector(false)) {
            selector.wakeup();
            selector.wakeup();
            selector.wakeup();
            assertEquals(1, selector.waker.signals);
            selector.select(Duration.ZERO);
            assertEquals(1, selector.waker.drains);
            selector.wakeup();
            assertEquals(2, selector.waker.signals);
        }
    }

    @Test
    void resourcesAreClosedOnceInReverseEvenWhenOneCloseFails() {
        FakeSelector selector = new FakeSelector(true);
        IllegalStateException e = assertThrows(IllegalStateException.class, selector::close);
        assertEquals("the second resource's close failed", e.getMessage());
        assertEquals(List.of("fd 7", "second", "first"), selector.closed);
        selector.close();
        assertEquals(3, selector.closed.size());
        // Closed: wake-ups no longer reach the waker.
        selector.wakeup();
        assertEquals(0, selector.waker.signals);
    }

    @Test
    void aSelectorHasOneWaker() {
        try (FakeSelector selector = new FakeSelector(false)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> selector.wakeWithAgain(new CountingWaker()));
            assertEquals("the fake selector already has a waker", e.getMessage());
        }
    }
}
