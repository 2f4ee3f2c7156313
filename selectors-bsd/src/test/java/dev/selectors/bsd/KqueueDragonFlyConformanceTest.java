package dev.selectors.bsd;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;

/** The contract on {@link KqueueSelector} with the {@link KeventLayout#DRAGONFLY} layout, against the emulation library. */
class KqueueDragonFlyConformanceTest extends KqueueEmulatedContract {

    @BeforeAll
    static void useEmulation() throws IOException, InterruptedException {
        KqueueEmulation.use(KeventLayout.DRAGONFLY);
    }

    @Override
    protected KeventLayout layout() {
        return KeventLayout.DRAGONFLY;
    }
}
