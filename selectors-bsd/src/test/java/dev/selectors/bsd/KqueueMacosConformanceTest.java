package dev.selectors.bsd;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;

/** The contract on {@link KqueueSelector} with the {@link KeventLayout#MACOS} layout, against the emulation library. */
class KqueueMacosConformanceTest extends KqueueEmulatedContract {

    @BeforeAll
    static void useEmulation() throws IOException, InterruptedException {
        KqueueEmulation.use(KeventLayout.MACOS);
    }

    @Override
    protected KeventLayout layout() {
        return KeventLayout.MACOS;
    }
}
