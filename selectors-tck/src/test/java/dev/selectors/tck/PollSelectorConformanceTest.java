package dev.selectors.tck;

import dev.selectors.Selector;
import dev.selectors.posix.PollSelector;
import java.io.IOException;

/** The contract on {@link PollSelector}. */
class PollSelectorConformanceTest extends SelectorContract {

    @Override
    protected Selector newSelector() throws IOException {
        return new PollSelector();
    }
}
