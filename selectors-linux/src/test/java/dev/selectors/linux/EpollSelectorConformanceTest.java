package dev.selectors.linux;

import dev.selectors.Selector;
import dev.selectors.tck.SelectorContract;
import java.io.IOException;

/** The contract on {@link EpollSelector}. */
class EpollSelectorConformanceTest extends SelectorContract {

    @Override
    protected Selector newSelector() throws IOException {
        return new EpollSelector();
    }

    @Override
    protected boolean kernelChecksFdsOnRegister() {
        return true;
    }
}
