package dev.selectors.bsd;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;

/**
 * The contract on {@link KqueueSelector} with the {@link KeventLayout#NETBSD9} layout, against the
 * emulation library, which refuses EVFILT_USER as NetBSD 9 does: the selector wakes through a pipe.
 */
class KqueueNetBsd9ConformanceTest extends KqueueEmulatedContract {

    @BeforeAll
    static void useEmulation() throws IOException, InterruptedException {
        KqueueEmulation.use(KeventLayout.NETBSD9);
    }

    @Override
    protected KeventLayout layout() {
        return KeventLayout.NETBSD9;
    }
}
