package dev.selectors.bsd;

import dev.selectors.Selector;
import dev.selectors.spi.Availability;
import dev.selectors.spi.Priorities;
import dev.selectors.spi.SelectorProvider;
import java.io.IOException;

/** The {@code kqueue} backend: {@link KqueueSelector}, preferred on macOS and the BSDs, as in Python. */
public final class KqueueSelectorProvider implements SelectorProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public KqueueSelectorProvider() {
    }

    @Override
    public String name() {
        return "kqueue";
    }

    @Override
    public int priority() {
        return Priorities.KQUEUE;
    }

    @Override
    public Availability availability() {
        return Availability.of(Kqueue.unavailabilityCause());
    }

    @Override
    public Selector open() throws IOException {
        return new KqueueSelector();
    }
}
