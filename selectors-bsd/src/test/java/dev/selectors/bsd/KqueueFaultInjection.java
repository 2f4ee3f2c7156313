package dev.selectors.bsd;

import dev.selectors.posix.LibC;
import dev.selectors.posix.Natives;
import dev.selectors.posix.faults.FaultScenario;
import java.io.IOException;

/** Every native call and allocation of the kqueue selector failed in turn, on the emulation of one layout. */
final class KqueueFaultInjection {

    private KqueueFaultInjection() {
    }

    static void failEachCall(KeventLayout layout) throws IOException, InterruptedException {
        KqueueEmulation.use(layout);
        System.out.println(FaultScenario.failEachCall("kqueue " + layout.name(), injector -> new KqueueSelector(
                injector.wrap(LibC.class, Natives.libc()), injector.wrap(KqueueBinding.class, Kqueue.binding()),
                Kqueue.layout())));
    }
}
