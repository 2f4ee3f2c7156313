package dev.selectors.bsd.jna;

import static dev.selectors.posix.jna.JnaErrno.result;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import dev.selectors.bsd.KqueueBinding;
import dev.selectors.bsd.KqueueLibrary;
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

    private static final BoundOnce<KqueueLibrary> BOUND = new BoundOnce<>("kqueue");

    /**
     * Binds, on first use, to {@code library}.
     *
     * @param library the library, kevent's symbol and its counts' width
     */
    public JnaKqueueBinding(KqueueLibrary library) {
        BOUND.bind(library);
        Direct.link();
    }

    @Override
    public int kqueue() {
        return result(Direct.kqueue());
    }

    @Override
    public int kevent(int kq, long changelist, int nchanges, long eventlist, int nevents, long timeout) {
        return result(Direct.SIZE_COUNTS
                ? Direct.keventSizeCounts(kq, changelist, nchanges, eventlist, nevents, timeout)
                : Direct.kevent(kq, changelist, nchanges, eventlist, nevents, timeout));
    }

    /** The direct-mapped calls; the function mapper gives kevent its system's symbol. */
    private static final class Direct {
        static final boolean SIZE_COUNTS = BOUND.settings().sizeCounts();

        static {
            KqueueLibrary library = BOUND.settings();
            Map<String, Object> options = Map.of(Library.OPTION_FUNCTION_MAPPER,
                    (com.sun.jna.FunctionMapper) (lib, method) ->
                            method.getName().startsWith("kevent") ? library.keventSymbol() : method.getName());
            Native.register(Direct.class, NativeLibrary.getInstance(JnaErrno.libraryOrC(library.path()), options));
        }

        /** Registers the natives (the class's initialisation) without making a call. */
        static void link() {
        }

        static native int kqueue();

        static native int kevent(int kq, long changelist, int nchanges, long eventlist, int nevents, long timeout);

        /** The same symbol with NetBSD's {@code size_t} counts: the longs fill the 64-bit registers. */
        static native int keventSizeCounts(int kq, long changelist, long nchanges, long eventlist, long nevents,
                                           long timeout);
    }
}
