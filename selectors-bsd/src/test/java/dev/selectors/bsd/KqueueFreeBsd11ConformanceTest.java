package dev.selectors.bsd;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;

/** The contract on {@link KqueueSelector} with the {@link KeventLayout#FREEBSD11} layout, against the emulation library. */
class KqueueFreeBsd11ConformanceTest extends KqueueEmulatedContract {

    @BeforeAll
    static void useEmulation() throws IOException, InterruptedException {
        KqueueEmulation.use(KeventLayout.FREEBSD11);
    }

    @Override
    protected KeventLayout layout() {
        return KeventLayout.FREEBSD11;
    }
}
