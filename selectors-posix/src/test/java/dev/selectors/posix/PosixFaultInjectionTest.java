package dev.selectors.posix;

import dev.selectors.posix.faults.FaultScenario;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Every native call and allocation of the poll and select selectors failed in turn: the error
 * reaches the caller, nothing leaks, the selector stays usable (see {@link FaultScenario}).
 */
class PosixFaultInjectionTest {

    @Test
    void pollSelectorSurvivesEveryFailedCall() throws IOException {
        System.out.println(FaultScenario.failEachCall("poll",
                injector -> new PollSelector(injector.wrap(LibC.class, Natives.libc()))));
    }

    @Test
    void selectSelectorSurvivesEveryFailedCall() throws IOException {
        System.out.println(FaultScenario.failEachCall("select",
                injector -> new SelectSelector(injector.wrap(LibC.class, Natives.libc()))));
    }
}
