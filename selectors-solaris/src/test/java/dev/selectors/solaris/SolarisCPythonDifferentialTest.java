package dev.selectors.solaris;

import dev.selectors.tck.CPythonDifferential;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our /dev/poll and event-port selectors (on the emulation library) against CPython's
 * PollSelector: readiness and keys must agree with poll semantics, script by script.
 */
class SolarisCPythonDifferentialTest {

    @BeforeAll
    static void useEmulation() throws IOException, InterruptedException {
        SolarisEmulation.use();
    }

    @Test
    void devpollAgreesWithCPythonsPollSelector() {
        CPythonDifferential.against("poll", DevpollSelector::new).run(20261204L, 300);
    }

    @Test
    void eventPortsAgreeWithCPythonsPollSelector() {
        CPythonDifferential.against("poll", EventPortSelector::new).run(20261204L, 300);
    }
}
