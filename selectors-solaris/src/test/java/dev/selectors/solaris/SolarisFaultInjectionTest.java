package dev.selectors.solaris;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.selectors.posix.LibC;
import dev.selectors.posix.Natives;
import dev.selectors.posix.faults.FaultInjector;
import dev.selectors.posix.faults.FaultScenario;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every native call and allocation of the /dev/poll and event-port selectors failed in turn,
 * against the emulation library: the error reaches the caller, nothing leaks, the selector
 * stays usable (see {@link FaultScenario}).
 */
class SolarisFaultInjectionTest {

    @BeforeAll
    static void useEmulation() throws IOException, InterruptedException {
        SolarisEmulation.use();
    }

    @Test
    void devpollSelectorSurvivesEveryFailedCall() throws IOException {
        System.out.println(FaultScenario.failEachCall("devpoll", injector -> new DevpollSelector(
                injector.wrap(LibC.class, Natives.libc()), injector.wrap(DevpollBinding.class, Solaris.binding()))));
    }

    @Test
    void eventPortSelectorSurvivesEveryFailedCall() throws IOException {
        System.out.println(FaultScenario.failEachCall("eventport", injector -> new EventPortSelector(
                injector.wrap(LibC.class, Natives.libc()), injector.wrap(EventPortBinding.class, Solaris.binding()))));
    }

    /**
     * The façade made its binding; making it again must link and call nothing: the JNA binding
     * once made an event port to link, and leaked it, each time (the emulation's port is an
     * epoll instance).
     */
    @Test
    void makingTheBindingAgainOpensNothing() {
        Solaris.binding();
        long before = FaultInjector.openFdsLinkedTo("anon_inode:[eventpoll]");
        for (int i = 0; i < 3; i++) {
            Natives.load(MethodHandles.lookup(), SolarisBinding.class, System.getProperty(Solaris.LIBRARY_PROPERTY));
        }
        assertEquals(before, FaultInjector.openFdsLinkedTo("anon_inode:[eventpoll]"),
                "ports left open by making the binding");
    }
}
