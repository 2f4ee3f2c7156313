package dev.selectors.bsd;

import dev.selectors.tck.CPythonDifferential;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our kqueue selector (FreeBSD 12 layout, on the emulation library) against CPython's
 * PollSelector: readiness and keys must agree with poll semantics, script by script.
 */
class KqueueCPythonDifferentialTest {

    @BeforeAll
    static void useEmulation() throws IOException, InterruptedException {
        KqueueEmulation.use(KeventLayout.FREEBSD12);
    }

    @Test
    void agreesWithCPythonsPollSelector() {
        CPythonDifferential.against("poll", KqueueSelector::new).run(20261204L, 300);
    }
}
