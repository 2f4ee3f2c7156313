package dev.selectors.bsd;

import com.sun.jna.Platform;
import dev.selectors.bsd.jna.JnaKqueueBinding;
import dev.selectors.posix.Errno;
import dev.selectors.posix.Natives;
import dev.selectors.posix.OsFamily;

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
        return Holder.CAUSE == null;
    }

    /**
     * Returns why kqueue cannot be used here, or {@code null}.
     *
     * @return why kqueue cannot be used here, or {@code null}
     */
    public static Throwable unavailabilityCause() {
        return Holder.CAUSE;
    }

    /**
     * Returns the layout in use.
     *
     * @return the layout in use
     */
    public static KeventLayout layout() {
        ensureAvailable();
        return Holder.LAYOUT;
    }

    static KqueueBinding binding() {
        ensureAvailable();
        return Holder.BINDING;
    }

    private static void ensureAvailable() {
        if (Holder.CAUSE != null) {
            throw new UnsupportedOperationException("kqueue is unavailable: " + Holder.CAUSE.getMessage(), Holder.CAUSE);
        }
    }

    /** Only in the Java 22 part of the multi-release jar, so it is loaded by name. */
    private static KqueueBinding loadFfm(String library, KeventLayout layout) {
        try {
            return (KqueueBinding) Class.forName("dev.selectors.bsd.ffm.FfmKqueueBinding")
                    .getConstructor(String.class, String.class, boolean.class)
                    .newInstance(library, layout.keventSymbol(), layout.sizeCounts());
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalStateException("the FFM kqueue binding did not load: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the FFM kqueue binding did not load: " + e, e);
        }
    }

    private static final class Holder {
        static final KeventLayout LAYOUT;
        static final KqueueBinding BINDING;
        static final Throwable CAUSE;

        static {
            KeventLayout layout = null;
            KqueueBinding binding = null;
            Throwable cause = null;
            try {
                String library = System.getProperty(LIBRARY_PROPERTY);
                String forcedLayout = System.getProperty(LAYOUT_PROPERTY);
                layout = forcedLayout != null ? KeventLayout.named(forcedLayout)
                        : KeventLayout.forSystem(OsFamily.CURRENT, System.getProperty("os.version", ""));
                if (layout == null) {
                    throw new UnsupportedOperationException("kqueue exists only on macOS and the BSDs; this is "
                            + System.getProperty("os.name"));
                }
                binding = Natives.libc().bindingName().equals("ffm") ? loadFfm(library, layout)
                        : new JnaKqueueBinding(library != null ? library : Platform.C_LIBRARY_NAME, layout.keventSymbol(),
                                layout.sizeCounts());
                int kq = binding.kqueue();
                if (kq < 0) {
                    throw Errno.exception("kqueue", -kq);
                }
                Natives.libc().close(kq);
            } catch (Exception | LinkageError e) {
                cause = e;
                binding = null;
            }
            LAYOUT = layout;
            BINDING = binding;
            CAUSE = cause;
        }
    }
}
