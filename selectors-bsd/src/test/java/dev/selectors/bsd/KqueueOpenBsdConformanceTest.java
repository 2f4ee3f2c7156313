package dev.selectors.bsd;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;

/** The contract on {@link KqueueSelector} with the {@link KeventLayout#OPENBSD} layout, against the emulation library. */
class KqueueOpenBsdConformanceTest extends KqueueEmulatedContract {

    @BeforeAll
    static void useEmulation() throws IOException, InterruptedException {
        KqueueEmulation.use(KeventLayout.OPENBSD);
    }

    @Override
    protected KeventLayout layout() {
        return KeventLayout.OPENBSD;
    }
}
