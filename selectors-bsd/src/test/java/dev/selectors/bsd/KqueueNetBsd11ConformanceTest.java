package dev.selectors.bsd;

import dev.selectors.Selector;
import dev.selectors.tck.SelectorContract;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;

/** The contract on {@link KqueueSelector} with the {@link KeventLayout#NETBSD11} layout, against the emulation library. */
class KqueueNetBsd11ConformanceTest extends SelectorContract {

    @BeforeAll
    static void useEmulation() throws IOException, InterruptedException {
        KqueueEmulation.use(KeventLayout.NETBSD11);
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
