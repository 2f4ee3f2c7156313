package dev.selectors.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The first binding decides; the same settings again are fine, others fail and say why. */
class BoundOnceTest {

    @Test
    void theFirstBindingDecidesAndAnotherFails() {
        BoundOnce<List<Object>> bound = new BoundOnce<>("kqueue");
        bound.bind(List.of("libc", "kevent", false));
        bound.bind(List.of("libc", "kevent", false));
        assertEquals(List.of("libc", "kevent", false), bound.settings());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> bound.bind(List.of("/tmp/libkqueue.so", "__kevent50", true)));
        assertEquals("kqueue is already bound to [libc, kevent, false]; [/tmp/libkqueue.so, __kevent50, true] "
                + "cannot be bound in the same JVM", e.getMessage());
    }

    @Test
    void theCLibraryIsASettingToo() {
        BoundOnce<String> bound = new BoundOnce<>("the Solaris calls");
        bound.bind(null);
        assertNull(bound.settings());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> bound.bind("/tmp/libsolaris.so"));
        assertEquals("the Solaris calls is already bound to null; /tmp/libsolaris.so cannot be bound in the same JVM",
                e.getMessage());
    }

    @Test
    void nothingToLinkBeforeTheFirstBinding() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new BoundOnce<String>("kqueue").settings());
        assertEquals("kqueue is not bound yet", e.getMessage());
    }
}
