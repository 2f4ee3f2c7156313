package dev.selectors.tck;

import dev.selectors.posix.SelectSelector;
import org.junit.jupiter.api.Test;

/** Our select selector against CPython's SelectSelector, script by script. */
class SelectCPythonDifferentialTest {

    @Test
    void agreesWithCPython() {
        // Twice the scripts: most end early at the known difference of CPython's select modify.
        CPythonDifferential.against("select", SelectSelector::new).run(20261204L, 600);
    }
}
