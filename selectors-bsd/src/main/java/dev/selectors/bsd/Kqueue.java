package dev.selectors.bsd;

import dev.selectors.posix.Errno;
import dev.selectors.posix.LoadedBinding;
import dev.selectors.posix.Natives;
import dev.selectors.posix.OsFamily;
import java.lang.invoke.MethodHandles;

/**
 * kqueue on this system: which {@link KeventLayout} applies, and whether kqueue can be used.
 *
 * <p>Two test-only system properties, read once, point the backend at an emulation library on
 * Linux: {@value #LIBRARY_PROPERTY} (the library's path) and {@value #LAYOUT_PROPERTY} (the
 * layout it implements, e.g. {@code netbsd10}).
 */
public final class Kqueue {

    /** Test-only: the library that provides kqueue and kevent, instead of the C library. */
    public static final String LIBRARY_PROPERTY = "selectors.kqueue.library";
    /** Test-only: the struct kevent layout to use, instead of the one detected. */
    public static final String LAYOUT_PROPERTY = "selectors.kqueue.layout";

    private Kqueue() {
    }

    /**
     * Returns whether {@link KqueueSelector} can be opened here.
     *
     * @return whether {@link KqueueSelector} can be opened here
     */
    public static boolean isAvailable() {
        return Holder.BOUND.cause() == null;
    }

    /**
     * Returns why kqueue cannot be used here, or {@code null}.
     *
     * @return why kqueue cannot be used here, or {@code null}
     */
    public static Throwable unavailabilityCause() {
        return Holder.BOUND.cause();
    }

    /**
     * Returns the layout in use.
     *
     * @return the layout in use
     * @throws UnsupportedOperationException kqueue is unavailable here; the cause says why
     */
    public static KeventLayout layout() {
        return Holder.BOUND.get().layout();
    }

    static KqueueBinding binding() {
        return Holder.BOUND.get().binding();
    }

    /** The layout and the binding linked for it. */
    private record Bound(KeventLayout layout, KqueueBinding binding) {
    }

    private static final class Holder {
        static final LoadedBinding<Bound> BOUND = LoadedBinding.attempt("kqueue", () -> {
            String forcedLayout = System.getProperty(LAYOUT_PROPERTY);
            KeventLayout layout = forcedLayout != null ? KeventLayout.named(forcedLayout)
                    : KeventLayout.forSystem(OsFamily.CURRENT, System.getProperty("os.version", ""));
            if (layout == null) {
                throw new UnsupportedOperationException("kqueue exists only on macOS and the BSDs; this is "
                        + System.getProperty("os.name"));
            }
            KqueueBinding binding = Natives.load(MethodHandles.lookup(), KqueueBinding.class, new KqueueLibrary(
                    System.getProperty(LIBRARY_PROPERTY), layout.keventSymbol(), layout.sizeCounts()));
            int kq = binding.kqueue();
            if (kq < 0) {
                throw Errno.exception("kqueue", -kq);
            }
            Natives.libc().close(kq);
            return new Bound(layout, binding);
        });
    }
}
