package dev.selectors.posix;

import java.util.concurrent.Callable;

/**
 * A binding loaded once (at a façade's first use), or the reason it could not be: what every
 * façade ({@link Natives}, {@code Epoll}, {@code Kqueue}, {@code Solaris}) keeps, so that a
 * backend's availability and the error a user sees come from the same attempt.
 *
 * @param <T> the seam
 */
public final class LoadedBinding<T> {

    private final String what;
    private final T binding;
    private final Throwable cause;

    private LoadedBinding(String what, T binding, Throwable cause) {
        this.what = what;
        this.binding = binding;
        this.cause = cause;
    }

    /**
     * Loads a binding, keeping any failure as the reason it is unavailable.
     *
     * @param what   what it is, prefixed to the error ("epoll"), or {@code null} for no prefix
     * @param loader loads and checks it; throws, with a message a user can act on, when it
     *               cannot work here
     * @param <T>    the seam
     * @return the outcome
     */
    public static <T> LoadedBinding<T> attempt(String what, Callable<T> loader) {
        try {
            return new LoadedBinding<>(what, loader.call(), null);
        } catch (Exception | LinkageError e) {
            return new LoadedBinding<>(what, null, e);
        }
    }

    /**
     * Returns the binding.
     *
     * @return the binding
     * @throws UnsupportedOperationException it could not be loaded; the cause says why
     */
    public T get() {
        if (cause != null) {
            String message = what == null ? cause.getMessage() : what + " is unavailable: " + cause.getMessage();
            throw new UnsupportedOperationException(message, cause);
        }
        return binding;
    }

    /**
     * Returns the binding, or {@code null} when it could not be loaded.
     *
     * @return the binding or null
     */
    public T orNull() {
        return binding;
    }

    /**
     * Returns why the binding could not be loaded.
     *
     * @return the error, or {@code null} when {@link #get()} works
     */
    public Throwable cause() {
        return cause;
    }
}
