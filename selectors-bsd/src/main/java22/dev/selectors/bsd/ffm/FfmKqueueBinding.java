package dev.selectors.bsd.ffm;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.selectors.bsd.KqueueBinding;
import dev.selectors.posix.BoundOnce;
import dev.selectors.posix.ffm.Downcalls;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * kqueue and kevent through the FFM API (Java 22+), from the library and under the kevent
 * symbol given once, at first use, so that the handles are constants the JIT inlines. Chosen
 * when the C library binding in use is FFM.
 */
public final class FfmKqueueBinding implements KqueueBinding {

    private static final BoundOnce BOUND = new BoundOnce("kqueue");
    private static String library;
    private static String keventSymbol;
    private static boolean sizeCounts;

    /**
     * Binds, on first use, to {@code library} (null: the C library) and its {@code keventSymbol}.
     *
     * @param library      the path of an emulation library in tests, or {@code null}
     * @param keventSymbol {@code kevent}, {@code __kevent50} or {@code __kevent100}
     * @param sizeCounts   whether kevent's counts are {@code size_t} (NetBSD) rather than {@code int}
     */
    public FfmKqueueBinding(String library, String keventSymbol, boolean sizeCounts) {
        synchronized (FfmKqueueBinding.class) {
            if (BOUND.bind(library, keventSymbol, sizeCounts)) {
                FfmKqueueBinding.library = library;
                FfmKqueueBinding.keventSymbol = keventSymbol;
                FfmKqueueBinding.sizeCounts = sizeCounts;
            }
        }
        Handles.KQUEUE.type();
    }

    @Override
    public int kqueue() {
        MemorySegment state = Downcalls.captureState();
        try {
            return Downcalls.result((int) Handles.KQUEUE.invokeExact(state), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int kevent(int kq, long changelist, int nchanges, long eventlist, int nevents, long timeout) {
        MemorySegment state = Downcalls.captureState();
        try {
            int r = Handles.SIZE_COUNTS
                    ? (int) Handles.KEVENT.invokeExact(state, kq, changelist, (long) nchanges, eventlist, (long) nevents, timeout)
                    : (int) Handles.KEVENT.invokeExact(state, kq, changelist, nchanges, eventlist, nevents, timeout);
            return Downcalls.result(r, state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    /** The handles, made once the library and symbol are known. */
    private static final class Handles {
        private static final SymbolLookup LIBRARY = Downcalls.library(library);
        static final MethodHandle KQUEUE = Downcalls.capturingErrno(LIBRARY, "kqueue", FunctionDescriptor.of(JAVA_INT));
        static final boolean SIZE_COUNTS = sizeCounts;
        /** NetBSD's counts are size_t: JAVA_LONG fills their 64-bit registers. */
        static final MethodHandle KEVENT = Downcalls.capturingErrno(LIBRARY, keventSymbol,
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, SIZE_COUNTS ? JAVA_LONG : JAVA_INT, JAVA_LONG,
                        SIZE_COUNTS ? JAVA_LONG : JAVA_INT, JAVA_LONG));
    }
}
