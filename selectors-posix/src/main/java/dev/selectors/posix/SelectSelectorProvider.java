package dev.selectors.posix;

import dev.selectors.Selector;
import dev.selectors.spi.Availability;
import dev.selectors.spi.Priorities;
import dev.selectors.spi.SelectorProvider;
import java.io.IOException;

/** The {@code select} backend: {@link SelectSelector}, on every Unix. */
public final class SelectSelectorProvider implements SelectorProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public SelectSelectorProvider() {
    }

    @Override
    public String name() {
        return "select";
    }

    @Override
    public int priority() {
        return Priorities.SELECT;
    }

    @Override
    public Availability availability() {
        return PosixProviders.libcAvailability();
    }

    @Override
    public Selector open() throws IOException {
        return new SelectSelector();
    }
}
