package dev.selectors.tck;

import dev.selectors.spi.AbstractSelectorProvider;
import dev.selectors.spi.Availability;

/** A backend that is never available, to test how forcing an unavailable backend fails. */
public final class NeverAvailableProvider extends AbstractSelectorProvider {

    static final String NAME = "never";
    static final String REASON = "this test backend works nowhere";

    /** Called by {@link java.util.ServiceLoader}. */
    public NeverAvailableProvider() {
        super(NAME, Integer.MAX_VALUE, () -> Availability.unavailable(REASON), () -> {
            throw new AssertionError("an unavailable backend was opened");
        });
    }
}
