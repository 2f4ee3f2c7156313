package dev.selectors.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A provider is its four answers: given once, each asked for when the caller asks. */
class AbstractSelectorProviderTest {

    /** As a backend writes one: a subclass whose constructor passes the answers. */
    private static final class Refusing extends AbstractSelectorProvider {
        Refusing(AtomicInteger asked) {
            super("refusing", 7, () -> {
                asked.incrementAndGet();
                return Availability.unavailable("not here");
            }, () -> {
                throw new IOException("EMFILE");
            });
        }
    }

    @Test
    void answersWhatItWasGivenAndAsksTheBackendEachTime() {
        AtomicInteger asked = new AtomicInteger();
        SelectorProvider provider = new Refusing(asked);
        assertEquals("refusing", provider.name());
        assertEquals(7, provider.priority());
        assertEquals(0, asked.get());
        assertEquals(Availability.unavailable("not here"), provider.availability());
        provider.availability();
        assertEquals(2, asked.get());
        IOException refused = assertThrows(IOException.class, provider::open);
        assertEquals("EMFILE", refused.getMessage());
    }

    @Test
    void everyAnswerIsRequired() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> new AbstractSelectorProvider("x", 1, null, () -> null) { });
        assertEquals("availability", e.getMessage());
        e = assertThrows(NullPointerException.class,
                () -> new AbstractSelectorProvider(null, 1, () -> Availability.AVAILABLE, () -> null) { });
        assertEquals("name", e.getMessage());
        e = assertThrows(NullPointerException.class,
                () -> new AbstractSelectorProvider("x", 1, () -> Availability.AVAILABLE, null) { });
        assertEquals("opener", e.getMessage());
    }
}
