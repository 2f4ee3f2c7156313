package dev.selectors.bsd;

import dev.selectors.Selector;
import dev.selectors.tck.SelectorContract;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;

/** The contract on {@link KqueueSelector} with the {@link KeventLayout#OPENBSD} layout, against the emulation library. */
class KqueueOpenBsdConformanceTest extends SelectorContract {

    @BeforeAll
    static void useEmulation() throws IOException, InterruptedException {
        KqueueEmulation.use(KeventLayout.OPENBSD);
    }

    @Override
    protected Selector newSelector() throws IOException {
        return new KqueueSelector();
    }

    @Override
    protected boolean kernelChecksFdsOnRegister() {
        return true;
    }
}
