package dev.selectors.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one owner of a selector's resources: reverse order, once, nothing skipped on failure. */
class NativeResourcesTest {

    private final List<Integer> closed = new ArrayList<>();
    private final NativeResources resources = new NativeResources();

    @Test
    void closesEveryResourceOnceTheLastAcquiredFirst() {
        for (int i = 0; i < 20; i++) {
            int index = i;
            resources.own(() -> closed.add(index));
        }
        assertEquals(20, resources.size());
        resources.close();
        resources.close();
        List<Integer> expected = new ArrayList<>();
        for (int i = 19; i >= 0; i--) {
            expected.add(i);
        }
        assertEquals(expected, closed);
        assertEquals(0, resources.size());
    }

    @Test
    void aFailedCloseStopsNothingAndTheFirstFailureIsThrownWithTheOthersSuppressed() {
        resources.own(() -> closed.add(1));
        resources.own(() -> {
            throw new IllegalStateException("two");
        });
        resources.own(() -> closed.add(3));
        resources.own(() -> {
            throw new IllegalArgumentException("four");
        });
        IllegalArgumentException first = assertThrows(IllegalArgumentException.class, resources::close);
        assertEquals("four", first.getMessage());
        assertEquals("two", first.getSuppressed()[0].getMessage());
        assertEquals(List.of(3, 1), closed);
    }

    @Test
    void anFdIsClosedWithTheGivenCall() {
        assertEquals(42, resources.ownFd(42, closed::add));
        resources.close();
        assertEquals(List.of(42), closed);
    }

    @Test
    void aResourceOfferedAfterCloseIsClosedAtOnce() {
        resources.close();
        NativeResource late = () -> closed.add(9);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> resources.own(late));
        assertEquals("the selector is closed: its resources cannot grow", e.getMessage());
        assertEquals(List.of(9), closed);
    }

    @Test
    void ownReturnsWhatItWasGiven() {
        NativeResource resource = () -> { };
        assertSame(resource, resources.own(resource));
    }
}
