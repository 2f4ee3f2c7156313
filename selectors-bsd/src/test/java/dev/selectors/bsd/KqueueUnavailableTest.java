package dev.selectors.bsd;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.selectors.Backend;
import dev.selectors.Selectors;
import dev.selectors.posix.OsFamily;
import org.junit.jupiter.api.Test;

/** Without the emulation, kqueue on Linux is listed as unavailable, with the reason. */
class KqueueUnavailableTest {

    @Test
    void onLinuxKqueueIsListedAsUnavailableWithItsReason() {
        assumeTrue(OsFamily.CURRENT == OsFamily.LINUX && System.getProperty(Kqueue.LIBRARY_PROPERTY) == null);
        Backend kqueue = Selectors.backends().stream().filter(b -> b.name().equals("kqueue")).findFirst().orElseThrow();
        assertFalse(kqueue.available());
        assertTrue(kqueue.reason().startsWith("kqueue exists only on macOS and the BSDs; this is Linux"), kqueue.reason());
    }
}
