package dev.selectors.linux;

import dev.selectors.spi.AbstractSelectorProvider;
import dev.selectors.spi.Availability;
import dev.selectors.spi.Priorities;

/** The {@code epoll} backend: {@link EpollSelector}, preferred on Linux. */
public final class EpollSelectorProvider extends AbstractSelectorProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public EpollSelectorProvider() {
        super("epoll", Priorities.EPOLL, () -> Availability.of(Epoll.unavailabilityCause()), EpollSelector::new);
    }
}
