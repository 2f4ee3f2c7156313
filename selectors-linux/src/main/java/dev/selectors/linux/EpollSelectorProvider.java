package dev.selectors.linux;

import dev.selectors.Selector;
import dev.selectors.spi.Availability;
import dev.selectors.spi.Priorities;
import dev.selectors.spi.SelectorProvider;
import java.io.IOException;

/** The {@code epoll} backend: {@link EpollSelector}, preferred on Linux. */
public final class EpollSelectorProvider implements SelectorProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public EpollSelectorProvider() {
    }

    @Override
    public String name() {
        return "epoll";
    }

    @Override
    public int priority() {
        return Priorities.EPOLL;
    }

    @Override
    public Availability availability() {
        return Availability.of(Epoll.unavailabilityCause());
    }

    @Override
    public Selector open() throws IOException {
        return new EpollSelector();
    }
}
