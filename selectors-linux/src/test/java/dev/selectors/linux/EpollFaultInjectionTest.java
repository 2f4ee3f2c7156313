package dev.selectors.linux;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.selectors.posix.LibC;
import dev.selectors.posix.Natives;
import dev.selectors.posix.faults.FaultScenario;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Every native call and allocation of the epoll selector failed in turn, through both its
 * seams (the C library's and epoll's): the error reaches the caller, nothing leaks, the
 * selector stays usable (see {@link FaultScenario}).
 */
class EpollFaultInjectionTest {

    @Test
    void epollSelectorSurvivesEveryFailedCall() throws IOException {
        assumeTrue(Epoll.isAvailable(), "epoll is unavailable here");
        System.out.println(FaultScenario.failEachCall("epoll", injector -> new EpollSelector(
                injector.wrap(LibC.class, Natives.libc()), injector.wrap(EpollBinding.class, Epoll.binding()))));
    }
}
