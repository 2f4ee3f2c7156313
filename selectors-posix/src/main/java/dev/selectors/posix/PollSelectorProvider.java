package dev.selectors.posix;

import dev.selectors.Selector;
import dev.selectors.spi.Availability;
import dev.selectors.spi.Priorities;
import dev.selectors.spi.SelectorProvider;
import java.io.IOException;

/** The {@code poll} backend: {@link PollSelector}, on every Unix. */
public final class PollSelectorProvider implements SelectorProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public PollSelectorProvider() {
    }

    @Override
    public String name() {
        return "poll";
    }

    @Override
    public int priority() {
        return Priorities.POLL;
    }

    @Override
    public Availability availability() {
        return PosixProviders.libcAvailability();
    }

    @Override
    public Selector open() throws IOException {
        return new PollSelector();
    }
}
