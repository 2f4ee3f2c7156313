package dev.selectors.tck;

import dev.selectors.Selector;
import dev.selectors.posix.SelectSelector;
import java.io.IOException;

/** The contract on {@link SelectSelector}. */
class SelectSelectorConformanceTest extends SelectorContract {

    @Override
    protected Selector newSelector() throws IOException {
        return new SelectSelector();
    }

    @Override
    protected boolean scalesBeyondFdSetsize() {
        return false;
    }

    @Override
    protected String noSubMillisecondTimeouts() {
        // select(2) takes a struct timeval: microseconds.
        return null;
    }
}
