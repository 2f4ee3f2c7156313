package dev.selectors.bsd;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;

/** The contract on {@link KqueueSelector} with the {@link KeventLayout#FREEBSD12} layout, against the emulation library. */
class KqueueFreeBsd12ConformanceTest extends KqueueEmulatedContract {

    @BeforeAll
    static void useEmulation() throws IOException, InterruptedException {
        KqueueEmulation.use(KeventLayout.FREEBSD12);
    }

    @Override
    protected KeventLayout layout() {
        return KeventLayout.FREEBSD12;
    }
}
