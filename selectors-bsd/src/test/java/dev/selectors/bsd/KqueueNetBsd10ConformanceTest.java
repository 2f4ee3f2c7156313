package dev.selectors.bsd;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;

/** The contract on {@link KqueueSelector} with the {@link KeventLayout#NETBSD10} layout, against the emulation library. */
class KqueueNetBsd10ConformanceTest extends KqueueEmulatedContract {

    @BeforeAll
    static void useEmulation() throws IOException, InterruptedException {
        KqueueEmulation.use(KeventLayout.NETBSD10);
    }

    @Override
    protected KeventLayout layout() {
        return KeventLayout.NETBSD10;
    }
}
