package dev.selectors.solaris;

import dev.selectors.spi.AbstractSelectorProvider;
import dev.selectors.spi.Availability;
import dev.selectors.spi.Priorities;

/** The {@code devpoll} backend: {@link DevpollSelector}, on Solaris and illumos after event ports. */
public final class DevpollSelectorProvider extends AbstractSelectorProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public DevpollSelectorProvider() {
        super("devpoll", Priorities.DEVPOLL, () -> Availability.of(Solaris.unavailabilityCause()),
                DevpollSelector::new);
    }
}
