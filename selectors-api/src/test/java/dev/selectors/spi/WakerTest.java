package dev.selectors.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The base drives a backend's {@link Waker}: wake-ups coalesce until the backend saw one, the
 * signal is drained once seen, and the waker is closed with the selector, whatever the
 * backend's own close does.
 */
class WakerTest {

    /** Counts what the base asks of it. */
    private static final class CountingWaker implements Waker {
        int signals;
        int drains;
        int closes;

        @Override
        public void signal() {
            signals++;
        }

        @Override
        public void drain() {
            drains++;
        }

        @Override
        public void close() {
            closes++;
        }
    }

    /** A backend with no kernel: its wait sees the waker fired when a signal is outstanding. */
    private static final class FakeSelector extends AbstractSelector {
        final CountingWaker waker = new CountingWaker();
        boolean implCloseFails;

        FakeSelector() {
            super("fake");
            wakeWith(waker);
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

        @Override
        protected void implClose() {
            if (implCloseFails) {
                throw new IllegalStateException("the backend's close failed");
            }
        }
    }

    @Test
    void wakeUpsCoalesceUntilTheBackendSawOne() throws IOException {
        try (FakeSelector selector = new FakeSelector()) {
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
    void theWakerIsClosedOnceWithTheSelectorEvenWhenTheBackendsCloseFails() {
        FakeSelector selector = new FakeSelector();
        selector.implCloseFails = true;
        assertThrows(IllegalStateException.class, selector::close);
        assertEquals(1, selector.waker.closes);
        selector.close();
        assertEquals(1, selector.waker.closes);
        // Closed: wake-ups no longer reach the waker.
        selector.wakeup();
        assertEquals(0, selector.waker.signals);
    }

    @Test
    void aSelectorHasOneWaker() {
        try (FakeSelector selector = new FakeSelector()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> selector.wakeWithAgain(new CountingWaker()));
            assertEquals("the fake selector already has a waker", e.getMessage());
        }
    }
}
