package dev.selectors.bsd;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.selectors.Selector;
import dev.selectors.posix.OsFamily;
import dev.selectors.tck.SelectorContract;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;

/**
 * The contract on {@link KqueueSelector} with the system's own kqueue: runs on macOS and the
 * BSDs only (.github/workflows/bsd-kernels.yml), and is skipped on Linux.
 */
class KqueueRealKernelConformanceTest extends SelectorContract {

    @BeforeAll
    static void onlyOnARealKqueueKernel() {
        assumeTrue(OsFamily.CURRENT.isBsd(), "kqueue runs on a real kernel only on macOS and the BSDs");
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
