package dev.selectors.posix;

import dev.selectors.spi.AbstractSelectorProvider;
import dev.selectors.spi.Priorities;

/** The {@code select} backend: {@link SelectSelector}, on every Unix. */
public final class SelectSelectorProvider extends AbstractSelectorProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public SelectSelectorProvider() {
        super("select", Priorities.SELECT, PosixProviders::libcAvailability, SelectSelector::new);
    }
}
