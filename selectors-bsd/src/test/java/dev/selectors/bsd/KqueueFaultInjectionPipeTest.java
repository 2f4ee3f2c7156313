package dev.selectors.bsd;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Fault injection on kqueue where wake-ups go through a self-pipe (NetBSD 9's layout, which has
 * no EVFILT_USER); a JVM of its own, as the emulation binds one layout per JVM.
 */
class KqueueFaultInjectionPipeTest {

    @Test
    void kqueueSelectorSurvivesEveryFailedCall() throws IOException, InterruptedException {
        KqueueFaultInjection.failEachCall(KeventLayout.NETBSD9);
    }

    @Test
    void makingTheBindingAgainOpensNothing() throws IOException, InterruptedException {
        KqueueFaultInjection.makingTheBindingOpensNothing(KeventLayout.NETBSD9);
    }
}
