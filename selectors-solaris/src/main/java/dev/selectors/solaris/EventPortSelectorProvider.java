package dev.selectors.solaris;

import dev.selectors.Selector;
import dev.selectors.spi.Availability;
import dev.selectors.spi.Priorities;
import dev.selectors.spi.SelectorProvider;
import java.io.IOException;

/** The {@code eventport} backend: {@link EventPortSelector}, the default on Solaris and illumos. */
public final class EventPortSelectorProvider implements SelectorProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public EventPortSelectorProvider() {
    }

    @Override
    public String name() {
        return "eventport";
    }

    @Override
    public int priority() {
        return Priorities.EVENT_PORT;
    }

    @Override
    public Availability availability() {
        return Availability.of(Solaris.unavailabilityCause());
    }

    @Override
    public Selector open() throws IOException {
        return new EventPortSelector();
    }
}
