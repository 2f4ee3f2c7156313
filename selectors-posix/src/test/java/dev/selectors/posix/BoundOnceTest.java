package dev.selectors.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The first binding decides; the same settings again are fine, others fail and say why. */
class BoundOnceTest {

    @Test
    void theFirstBindingDecidesAndAnotherFails() {
        BoundOnce bound = new BoundOnce("kqueue");
        assertTrue(bound.bind(null, "kevent", false));
        assertFalse(bound.bind(null, "kevent", false));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> bound.bind("/tmp/libkqueue.so", "__kevent50", true));
        assertEquals("kqueue is already bound to [null, kevent, false]; [/tmp/libkqueue.so, __kevent50, true] "
                + "cannot be bound in the same JVM", e.getMessage());
    }
}
