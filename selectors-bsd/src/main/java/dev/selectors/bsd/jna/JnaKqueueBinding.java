package dev.selectors.bsd.jna;

import static dev.selectors.posix.jna.JnaErrno.result;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import dev.selectors.bsd.KqueueBinding;
import dev.selectors.posix.BoundOnce;
import dev.selectors.posix.jna.JnaErrno;
import java.util.Map;

/**
 * kqueue and kevent through JNA direct mapping, from the library and under the kevent symbol
 * given once, at first use (a JVM direct-maps a class to one library).
 *
 * <p>Internal: {@link dev.selectors.bsd.KqueueSelector} uses it through the seam.
 */
public final class JnaKqueueBinding implements KqueueBinding {

    private static final BoundOnce BOUND = new BoundOnce("kqueue");
    private static String library;
    private static String keventSymbol;
    private static boolean sizeCounts;

    /**
     * Binds, on first use, to {@code library} and its {@code keventSymbol}.
     *
     * @param library      the path of an emulation library in tests, or {@code null} for the C library
     * @param keventSymbol {@code kevent}, {@code __kevent50} or {@code __kevent100}
     * @param sizeCounts   whether kevent's counts are {@code size_t} (NetBSD) rather than {@code int}
     */
    public JnaKqueueBinding(String library, String keventSymbol, boolean sizeCounts) {
        synchronized (JnaKqueueBinding.class) {
            if (BOUND.bind(library, keventSymbol, sizeCounts)) {
                JnaKqueueBinding.library = JnaErrno.libraryOrC(library);
                JnaKqueueBinding.keventSymbol = keventSymbol;
                JnaKqueueBinding.sizeCounts = sizeCounts;
            }
        }
        Direct.kqueue();
    }

    @Override
    public int kqueue() {
        return result(Direct.kqueue());
    }

    @Override
    public int kevent(int kq, long changelist, int nchanges, long eventlist, int nevents, long timeout) {
        return result(sizeCounts ? Direct.keventSizeCounts(kq, changelist, nchanges, eventlist, nevents, timeout)
                : Direct.kevent(kq, changelist, nchanges, eventlist, nevents, timeout));
    }

    /** The direct-mapped calls; the function mapper gives kevent its system's symbol. */
    private static final class Direct {
        static {
            Map<String, Object> options = Map.of(Library.OPTION_FUNCTION_MAPPER,
                    (com.sun.jna.FunctionMapper) (lib, method) ->
                            method.getName().startsWith("kevent") ? keventSymbol : method.getName());
            Native.register(Direct.class, NativeLibrary.getInstance(library, options));
        }

        static native int kqueue();

        static native int kevent(int kq, long changelist, int nchanges, long eventlist, int nevents, long timeout);

        /** The same symbol with NetBSD's {@code size_t} counts: the longs fill the 64-bit registers. */
        static native int keventSizeCounts(int kq, long changelist, long nchanges, long eventlist, long nevents,
                                           long timeout);
    }
}
