package dev.selectors.linux;

import dev.selectors.tck.CPythonDifferential;
import org.junit.jupiter.api.Test;

/** Our epoll selector against CPython's EpollSelector, script by script. */
class EpollCPythonDifferentialTest {

    @Test
    void agreesWithCPython() {
        CPythonDifferential.against("epoll", EpollSelector::new).run(20261204L, 300);
    }
}
