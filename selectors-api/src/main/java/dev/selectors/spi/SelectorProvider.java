package dev.selectors.spi;

import dev.selectors.Selector;
import java.io.IOException;

/**
 * A selector backend, found by {@link java.util.ServiceLoader}: list the implementing class in
 * {@code META-INF/services/dev.selectors.spi.SelectorProvider}.
 *
 * <p>{@link dev.selectors.Selectors#open()} opens the available provider of highest
 * {@link #priority()}. The built-in priorities follow Python's choice of
 * {@code DefaultSelector}: kqueue, event ports, epoll, /dev/poll, poll, select (see
 * {@link Priorities}).
 */
public interface SelectorProvider {

    /**
     * The backend's name, used to force it ({@code selectors.backend}) and shown by
     * {@link dev.selectors.Selectors#backends()}.
     *
     * @return a short lower-case name such as {@code "epoll"}
     */
    String name();

    /**
     * How strongly this backend should be preferred when several are available.
     *
     * @return a larger number for a better backend
     */
    int priority();

    /**
     * Whether this backend works on this machine, and why not when it does not. Providers
     * compute it once and must not throw.
     *
     * @return the availability
     */
    Availability availability();

    /**
     * Opens a new selector of this backend.
     *
     * @return the selector; the caller owns it and must close it
     * @throws IOException the kernel refused the resources a selector needs
     */
    Selector open() throws IOException;
}
