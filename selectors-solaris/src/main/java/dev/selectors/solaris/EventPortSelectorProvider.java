package dev.selectors.solaris;

import dev.selectors.spi.AbstractSelectorProvider;
import dev.selectors.spi.Availability;
import dev.selectors.spi.Priorities;

/** The {@code eventport} backend: {@link EventPortSelector}, the default on Solaris and illumos. */
public final class EventPortSelectorProvider extends AbstractSelectorProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public EventPortSelectorProvider() {
        super("eventport", Priorities.EVENT_PORT, () -> Availability.of(Solaris.unavailabilityCause()),
                EventPortSelector::new);
    }
}
