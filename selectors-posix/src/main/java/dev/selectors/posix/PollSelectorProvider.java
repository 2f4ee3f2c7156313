package dev.selectors.posix;

import dev.selectors.spi.AbstractSelectorProvider;
import dev.selectors.spi.Priorities;

/** The {@code poll} backend: {@link PollSelector}, on every Unix. */
public final class PollSelectorProvider extends AbstractSelectorProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public PollSelectorProvider() {
        super("poll", Priorities.POLL, PosixProviders::libcAvailability, PollSelector::new);
    }
}
