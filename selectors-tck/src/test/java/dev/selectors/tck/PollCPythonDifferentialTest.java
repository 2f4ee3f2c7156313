package dev.selectors.tck;

import dev.selectors.posix.PollSelector;
import org.junit.jupiter.api.Test;

/** Our poll selector against CPython's PollSelector, script by script. */
class PollCPythonDifferentialTest {

    @Test
    void agreesWithCPython() {
        CPythonDifferential.against("poll", PollSelector::new).run(20261204L, 300);
    }
}
