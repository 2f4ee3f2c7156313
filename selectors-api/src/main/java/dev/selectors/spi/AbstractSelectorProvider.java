package dev.selectors.spi;

import dev.selectors.Selector;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A {@link SelectorProvider} that is its four answers: a backend's provider extends it and
 * passes them from the public no-argument constructor that {@link java.util.ServiceLoader}
 * calls, for example {@code super("epoll", Priorities.EPOLL, () -> Availability.of(cause),
 * EpollSelector::new)}. The built-in backends' providers are written so.
 */
public abstract class AbstractSelectorProvider implements SelectorProvider {

    /** Opens a selector of the backend: usually its constructor, {@code EpollSelector::new}. */
    @FunctionalInterface
    public interface Opener {
        /**
         * Opens a selector.
         *
         * @return the selector; the caller owns it
         * @throws IOException the kernel refused the resources a selector needs
         */
        Selector open() throws IOException;
    }

    private final String name;
    private final int priority;
    private final Supplier<Availability> availability;
    private final Opener opener;

    /**
     * Creates the provider from its answers.
     *
     * @param name         {@link #name()}
     * @param priority     {@link #priority()} (see {@link Priorities})
     * @param availability {@link #availability()}: computed once by the backend and never throwing
     * @param opener       {@link #open()}
     */
    protected AbstractSelectorProvider(String name, int priority, Supplier<Availability> availability,
                                       Opener opener) {
        this.name = Objects.requireNonNull(name, "name");
        this.priority = priority;
        this.availability = Objects.requireNonNull(availability, "availability");
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int priority() {
        return priority;
    }

    @Override
    public final Availability availability() {
        return availability.get();
    }

    @Override
    public final Selector open() throws IOException {
        return opener.open();
    }
}
