package dev.selectors.spi;

import static dev.selectors.Selector.EVENT_READ;
import static dev.selectors.Selector.EVENT_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.selectors.FileObject;
import dev.selectors.ReadyHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a handler sees when handlers before it in the same select unregister, reuse or modify
 * registrations: the events of a removed registration are never delivered to what holds its fd
 * now, and a modified key is delivered as it is now.
 */
class DispatchTest {

    /** A backend whose wait reports a scripted list of (fd, events). */
    private static final class ScriptedSelector extends AbstractSelector {
        int[][] next = new int[0][];

        ScriptedSelector() {
            super("scripted");
            wakeWith(new Waker() {
                @Override
                public void signal() {
                }

                @Override
                public void drain() {
                }
            });
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
        protected void doSelect(long timeoutNanos) {
            for (int[] event : next) {
                ready(event[0], event[1]);
            }
        }
    }

    private static final int BOTH = EVENT_READ | EVENT_WRITE;

    private final ScriptedSelector selector = new ScriptedSelector();
    private final List<String> delivered = new ArrayList<>();

    private void select(ReadyHandler first, int[]... events) throws IOException {
        selector.next = events;
        selector.select(Duration.ZERO, (key, ready) -> {
            delivered.add(key.fd() + ":" + key.data() + ":" + ready);
            if (delivered.size() == 1) {
                first.ready(key, ready);
            }
        });
    }

    @Test
    void aFileObjectUnregisteredByAnEarlierHandlerIsNotDelivered() throws IOException {
        selector.register(5, EVENT_READ, "five");
        selector.register(6, EVENT_READ, "six");
        select((key, ready) -> selector.unregister(6), new int[] {5, EVENT_READ}, new int[] {6, EVENT_READ});
        assertEquals(List.of("5:five:1"), delivered);
    }

    @Test
    void aReusedFdDoesNotReceiveTheOldRegistrationsEvent() throws IOException {
        FileObject old = () -> 6;
        FileObject reused = () -> 6;
        selector.register(5, EVENT_READ, "five");
        selector.register(old, EVENT_READ, "old");
        select((key, ready) -> {
            selector.unregister(old);
            selector.register(reused, EVENT_READ, "reused");
        }, new int[] {5, EVENT_READ}, new int[] {6, EVENT_READ});
        assertEquals(List.of("5:five:1"), delivered);
    }

    @Test
    void aFileObjectRegisteredAgainIsReportedByTheNextSelect() throws IOException {
        selector.register(5, EVENT_READ, "five");
        selector.register(6, EVENT_READ, "six");
        select((key, ready) -> {
            selector.unregister(6);
            selector.register(6, EVENT_READ, "again");
        }, new int[] {5, EVENT_READ}, new int[] {6, EVENT_READ});
        assertEquals(List.of("5:five:1"), delivered);

        delivered.clear();
        select((key, ready) -> { }, new int[] {6, EVENT_READ});
        assertEquals(List.of("6:again:1"), delivered);
    }

    @Test
    void aKeyModifiedByAnEarlierHandlerIsDeliveredAsItIsNow() throws IOException {
        selector.register(5, EVENT_READ, "five");
        selector.register(6, BOTH, "six");
        select((key, ready) -> selector.modify(6, EVENT_WRITE, "written"),
                new int[] {5, EVENT_READ}, new int[] {6, BOTH});
        assertEquals(List.of("5:five:1", "6:written:2"), delivered);
    }

    @Test
    void anFdUnregisteredInOneSelectIsDeliveredAgainOnceRegisteredAgain() throws IOException {
        selector.register(5, EVENT_READ, "five");
        selector.register(6, EVENT_READ, "six");
        select((key, ready) -> selector.unregister(6), new int[] {5, EVENT_READ}, new int[] {6, EVENT_READ});
        selector.register(6, EVENT_READ, "back");

        delivered.clear();
        select((key, ready) -> { }, new int[] {5, EVENT_READ}, new int[] {6, EVENT_READ});
        assertEquals(List.of("5:five:1", "6:back:1"), delivered);
    }

    @Test
    void unknownFdsAndEventsOutsideTheKeyAreNotDelivered() throws IOException {
        selector.register(5, EVENT_READ, "five");
        select((key, ready) -> { }, new int[] {9, EVENT_READ}, new int[] {5, EVENT_WRITE}, new int[] {5, BOTH},
                new int[] {1_000, EVENT_READ});
        assertEquals(List.of("5:five:1"), delivered);
    }
}
