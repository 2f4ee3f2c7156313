package dev.selectors.solaris;

import dev.selectors.Selector;
import dev.selectors.spi.Availability;
import dev.selectors.spi.Priorities;
import dev.selectors.spi.SelectorProvider;
import java.io.IOException;

/** The {@code devpoll} backend: {@link DevpollSelector}, on Solaris and illumos after event ports. */
public final class DevpollSelectorProvider implements SelectorProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public DevpollSelectorProvider() {
    }

    @Override
    public String name() {
        return "devpoll";
    }

    @Override
    public int priority() {
        return Priorities.DEVPOLL;
    }

    @Override
    public Availability availability() {
        return Availability.of(Solaris.unavailabilityCause());
    }

    @Override
    public Selector open() throws IOException {
        return new DevpollSelector();
    }
}
