package dev.selectors.echo;

import dev.selectors.Selector;
import dev.selectors.posix.PollSelector;
import dev.selectors.spi.Availability;
import dev.selectors.spi.SelectorProvider;
import java.io.IOException;

/**
 * A backend that is not ours, as a third party would ship it: a provider listed in its jar's
 * {@code META-INF/services}. It opens poll selectors and says so on standard output, so a test
 * sees that the server used it. Listed only by the test that needs it, in a child JVM.
 */
public final class ThirdPartySelectorProvider implements SelectorProvider {

    static final String NAME = "third-party";
    static final String OPENED = "third-party provider: opened a selector";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 1;
    }

    @Override
    public Availability availability() {
        return Availability.AVAILABLE;
    }

    @Override
    public Selector open() throws IOException {
        System.out.println(OPENED);
        return new PollSelector();
    }
}
