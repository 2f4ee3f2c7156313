package dev.selectors.posix;

import dev.selectors.posix.ffm.FfmLayer;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Locale;

/**
 * The one place that chooses the native binding and loads a seam's implementation.
 *
 * <p>The binding is chosen once, at first use: FFM ({@code java.lang.foreign}) on Java 22 and
 * newer when the jar carries it (built with JDK 22+, in the multi-release part), JNA otherwise.
 * The system property {@value #NATIVE_PROPERTY} forces {@code jna} or {@code ffm}; forcing a
 * binding that cannot be had fails with a message that says why.
 *
 * <p>Every seam is loaded the same way ({@link #load}): the implementation of
 * {@code dev.selectors.linux.EpollBinding} for the FFM binding is
 * {@code dev.selectors.linux.ffm.FfmEpollBinding}, for JNA
 * {@code dev.selectors.linux.jna.JnaEpollBinding}. Only this class names a binding's classes;
 * the FFM ones exist only in the Java 22 part of the jars, so they are found by name.
 */
public final class Natives {

    /** The system property that forces a binding: {@code jna}, {@code ffm}, or {@code auto}. */
    public static final String NATIVE_PROPERTY = "selectors.native";

    private static final int FFM_JAVA_VERSION = FfmLayer.JAVA_VERSION;

    private Natives() {
    }

    /**
     * The C library binding, loading it on first use.
     *
     * @return the binding
     * @throws UnsupportedOperationException the binding cannot be loaded on this machine; the
     *                                       message says why
     */
    public static LibC libc() {
        return Holder.LIBC.get();
    }

    /**
     * Why the binding cannot be loaded.
     *
     * @return the error, or {@code null} when {@link #libc()} works
     */
    public static Throwable unavailabilityCause() {
        return Holder.LIBC.cause();
    }

    /** Used by {@link Errno}: describes an errno without failing when no binding loads. */
    static String describe(int errno) {
        LibC libc = Holder.LIBC.orNull();
        return libc == null ? "errno " + errno : libc.strerror(errno);
    }

    /**
     * Loads the implementation of a seam for the binding in use: the class
     * {@code <seam's package>.<binding>.<Binding><Seam>} ({@code ffm.FfmKqueueBinding} for
     * {@code KqueueBinding}), through its public static {@code create} method when it has one
     * (a binding that picks among strategies), else its public constructor, with
     * {@code arguments}.
     *
     * @param lookup    the caller's lookup, {@code MethodHandles.lookup()}: the implementation
     *                  lives in the caller's module, in a package it does not export
     * @param seam      the seam's interface
     * @param arguments the arguments of the constructor or of {@code create}
     * @param <T>       the seam
     * @return the implementation
     * @throws UnsupportedOperationException no binding loads here, or the jar lacks this one
     * @throws IllegalStateException the implementation could not be made; the cause says why
     */
    public static <T> T load(MethodHandles.Lookup lookup, Class<T> seam, Object... arguments) {
        String binding = libc().bindingName();
        return instantiate(lookup, seam, binding, arguments);
    }

    private static <T> T instantiate(MethodHandles.Lookup lookup, Class<T> seam, String binding, Object... arguments) {
        String prefix = Character.toUpperCase(binding.charAt(0)) + binding.substring(1);
        String name = seam.getPackageName() + "." + binding + "." + prefix + seam.getSimpleName();
        Class<?> implementation;
        try {
            implementation = lookup.findClass(name);
        } catch (ClassNotFoundException e) {
            throw new UnsupportedOperationException("the " + binding + " binding of " + seam.getSimpleName()
                    + " is not in this jar (" + name + "): a jar built with a JDK older than " + FFM_JAVA_VERSION
                    + " carries JNA only", e);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(name + " is not accessible: " + e.getMessage(), e);
        }
        try {
            return seam.cast(maker(lookup, implementation, arguments.length).invokeWithArguments(arguments));
        } catch (RuntimeException | Error e) {
            throw unwrapInitializerError(e);
        } catch (Throwable e) {
            throw new IllegalStateException("the " + binding + " binding of " + seam.getSimpleName()
                    + " did not load: " + e, e);
        }
    }

    private static MethodHandle maker(MethodHandles.Lookup lookup, Class<?> implementation, int arity)
            throws IllegalAccessException {
        for (Method method : implementation.getMethods()) {
            if (method.getName().equals("create") && Modifier.isStatic(method.getModifiers())
                    && method.getParameterCount() == arity) {
                return lookup.unreflect(method);
            }
        }
        for (Constructor<?> constructor : implementation.getConstructors()) {
            if (constructor.getParameterCount() == arity) {
                return lookup.unreflectConstructor(constructor);
            }
        }
        throw new IllegalStateException(implementation.getName() + " has no public constructor and no create "
                + "method with " + arity + " parameters");
    }

    /** A bad setting found while a binding initialised (selectors.syscalls): its own message. */
    private static RuntimeException unwrapInitializerError(Throwable e) {
        if (e instanceof ExceptionInInitializerError && e.getCause() instanceof RuntimeException) {
            return (RuntimeException) e.getCause();
        }
        if (e instanceof RuntimeException) {
            return (RuntimeException) e;
        }
        throw (Error) e;
    }

    private static String chooseBinding() {
        if (!OsFamily.CURRENT.isPosix()) {
            throw new UnsupportedOperationException("the POSIX binding needs a Unix system; this is "
                    + System.getProperty("os.name"));
        }
        String wanted = System.getProperty(NATIVE_PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        boolean ffmCarried = FfmLayer.carries(Natives.class, "dev.selectors.posix.ffm.FfmLibC");
        switch (wanted) {
            case "auto":
                return FfmLayer.javaSupportsIt() && ffmCarried ? "ffm" : "jna";
            case "jna":
                return "jna";
            case "ffm":
                if (!FfmLayer.javaSupportsIt()) {
                    throw new UnsupportedOperationException("selectors.native=ffm needs Java " + FFM_JAVA_VERSION
                            + " or newer; this is Java " + Runtime.version().feature() + " (use jna, or auto)");
                }
                if (!ffmCarried) {
                    throw new UnsupportedOperationException("selectors.native=ffm: these jars were built "
                            + "with a JDK older than " + FFM_JAVA_VERSION + " and carry no FFM binding");
                }
                return "ffm";
            default:
                throw new IllegalArgumentException("selectors.native='" + wanted
                        + "' is not a binding; use auto, jna or ffm");
        }
    }

    private static final class Holder {
        static final LoadedBinding<LibC> LIBC = LoadedBinding.attempt(null,
                () -> instantiate(MethodHandles.lookup(), LibC.class, chooseBinding()));
    }
}
