package dev.selectors.tck;

import dev.selectors.Selector;
import dev.selectors.spi.Availability;
import dev.selectors.spi.SelectorProvider;

/** A backend that is never available, to test how forcing an unavailable backend fails. */
public final class NeverAvailableProvider implements SelectorProvider {

    static final String NAME = "never";
    static final String REASON = "this test backend works nowhere";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Availability availability() {
        return Availability.unavailable(REASON);
    }

    @Override
    public Selector open() {
        throw new AssertionError("an unavailable backend was opened");
    }
}
