package dev.selectors.bsd;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Fault injection on kqueue where wake-ups are an EVFILT_USER event (FreeBSD 12's layout); a
 * JVM of its own, as the emulation binds one layout per JVM.
 */
class KqueueFaultInjectionUserEventTest {

    @Test
    void kqueueSelectorSurvivesEveryFailedCall() throws IOException, InterruptedException {
        KqueueFaultInjection.failEachCall(KeventLayout.FREEBSD12);
    }

    @Test
    void makingTheBindingAgainOpensNothing() throws IOException, InterruptedException {
        KqueueFaultInjection.makingTheBindingOpensNothing(KeventLayout.FREEBSD12);
    }
}
