package dev.selectors.solaris;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.selectors.Backend;
import dev.selectors.Selectors;
import dev.selectors.posix.OsFamily;
import dev.selectors.posix.PollFdArray;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Pins the layouts to shared/ABI.md, and shows the backends unavailable on plain Linux. */
class SolarisAbiTest {

    @Test
    void layoutsMatchTheAbiTable() {
        assertEquals(8, PollFdArray.SIZE);
        assertEquals(32, SolarisAbi.DVPOLL_SIZE);
        assertEquals(0, SolarisAbi.DVPOLL_FDS);
        assertEquals(8, SolarisAbi.DVPOLL_NFDS);
        assertEquals(16, SolarisAbi.DVPOLL_TIMEOUT);
        assertEquals(24, SolarisAbi.PORT_EVENT_SIZE);
        assertEquals(List.of(0, 4, 6, 8, 16), List.of(SolarisAbi.PORTEV_EVENTS, SolarisAbi.PORTEV_SOURCE,
                SolarisAbi.PORTEV_PAD, SolarisAbi.PORTEV_OBJECT, SolarisAbi.PORTEV_USER));
        assertEquals(0xD001, SolarisAbi.DP_POLL);
        assertEquals(0x0800, SolarisAbi.POLLREMOVE);
        assertEquals(4, SolarisAbi.PORT_SOURCE_FD);
        assertEquals(3, SolarisAbi.PORT_SOURCE_USER);
    }

    @Test
    void onLinuxBothBackendsAreListedAsUnavailableWithTheReason() {
        assumeTrue(OsFamily.CURRENT == OsFamily.LINUX && System.getProperty(Solaris.LIBRARY_PROPERTY) == null);
        List<Backend> backends = Selectors.backends().stream()
                .filter(b -> b.name().equals("eventport") || b.name().equals("devpoll")).collect(Collectors.toList());
        assertEquals(List.of("eventport", "devpoll"), backends.stream().map(Backend::name).collect(Collectors.toList()));
        for (Backend backend : backends) {
            assertFalse(backend.available());
            assertTrue(backend.reason().startsWith("/dev/poll and event ports exist only on Solaris and illumos"), backend.reason());
        }
    }
}
