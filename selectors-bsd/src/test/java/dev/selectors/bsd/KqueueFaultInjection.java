package dev.selectors.bsd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.selectors.posix.LibC;
import dev.selectors.posix.Natives;
import dev.selectors.posix.faults.FaultInjector;
import dev.selectors.posix.faults.FaultScenario;
import java.io.IOException;
import java.lang.invoke.MethodHandles;

/** Every native call and allocation of the kqueue selector failed in turn, on the emulation of one layout. */
final class KqueueFaultInjection {

    // The emulation's kqueue is an epoll instance.
    private static final String EMULATED_KQUEUE = "anon_inode:[eventpoll]";

    private KqueueFaultInjection() {
    }

    static void failEachCall(KeventLayout layout) throws IOException, InterruptedException {
        KqueueEmulation.use(layout);
        System.out.println(FaultScenario.failEachCall("kqueue " + layout.name(), injector -> new KqueueSelector(
                injector.wrap(LibC.class, Natives.libc()), injector.wrap(KqueueBinding.class, Kqueue.binding()),
                Kqueue.layout())));
    }

    /**
     * The façade made its binding; making it again (the settings it is bound to) must link and
     * call nothing: the JNA binding once made a kqueue to link, and leaked it, each time.
     */
    static void makingTheBindingOpensNothing(KeventLayout layout) throws IOException, InterruptedException {
        KqueueEmulation.use(layout);
        Kqueue.binding();
        long before = FaultInjector.openFdsLinkedTo(EMULATED_KQUEUE);
        for (int i = 0; i < 3; i++) {
            Natives.load(MethodHandles.lookup(), KqueueBinding.class, new KqueueLibrary(
                    System.getProperty(Kqueue.LIBRARY_PROPERTY), layout.keventSymbol(), layout.sizeCounts()));
        }
        assertEquals(before, FaultInjector.openFdsLinkedTo(EMULATED_KQUEUE), "kqueues left open by making the binding");
    }
}
