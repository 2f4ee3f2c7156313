package dev.selectors.bsd.ffm;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.selectors.bsd.KqueueBinding;
import dev.selectors.bsd.KqueueLibrary;
import dev.selectors.posix.BoundOnce;
import dev.selectors.posix.ffm.Downcall;
import dev.selectors.posix.ffm.Downcalls;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;

/**
 * kqueue and kevent through the FFM API (Java 22+), from the library and under the kevent
 * symbol given once, at first use, so that the handles are constants the JIT inlines. Chosen
 * when the C library binding in use is FFM.
 */
public final class FfmKqueueBinding implements KqueueBinding {

    private static final BoundOnce<KqueueLibrary> BOUND = new BoundOnce<>("kqueue");

    /**
     * Binds, on first use, to {@code library}.
     *
     * @param library the library, kevent's symbol and its counts' width
     */
    public FfmKqueueBinding(KqueueLibrary library) {
        BOUND.bind(library);
        // Link now: a missing library or symbol fails the load, not the first call.
        Handles.KQUEUE.name();
    }

    @Override
    public int kqueue() {
        return (int) Handles.KQUEUE.call();
    }

    @Override
    public int kevent(int kq, long changelist, int nchanges, long eventlist, int nevents, long timeout) {
        return (int) Handles.KEVENT.callPerMessage(kq, changelist, nchanges, eventlist, nevents, timeout);
    }

    /** The handles, made once the library and symbol are known. */
    private static final class Handles {
        private static final KqueueLibrary BOUND_TO = BOUND.settings();
        private static final SymbolLookup LIBRARY = Downcalls.library(BOUND_TO.path());
        static final Downcall KQUEUE = Downcall.of(LIBRARY, "kqueue", FunctionDescriptor.of(JAVA_INT));
        /** NetBSD's counts are size_t: JAVA_LONG fills their 64-bit registers. */
        private static final ValueLayout COUNT = BOUND_TO.sizeCounts() ? JAVA_LONG : JAVA_INT;
        static final Downcall KEVENT = Downcall.of(LIBRARY, BOUND_TO.keventSymbol(),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, COUNT, JAVA_LONG, COUNT, JAVA_LONG));
    }
}
