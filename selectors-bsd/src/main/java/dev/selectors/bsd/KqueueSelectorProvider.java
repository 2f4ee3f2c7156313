package dev.selectors.bsd;

import dev.selectors.spi.AbstractSelectorProvider;
import dev.selectors.spi.Availability;
import dev.selectors.spi.Priorities;

/** The {@code kqueue} backend: {@link KqueueSelector}, preferred on macOS and the BSDs, as in Python. */
public final class KqueueSelectorProvider extends AbstractSelectorProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public KqueueSelectorProvider() {
        super("kqueue", Priorities.KQUEUE, () -> Availability.of(Kqueue.unavailabilityCause()), KqueueSelector::new);
    }
}
