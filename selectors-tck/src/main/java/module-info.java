/**
 * The conformance kit: JUnit 5 contract tests that every backend runs, written from Python's
 * {@code selectors} documentation.
 */
module dev.selectors.tck {
    requires transitive dev.selectors;
    requires transitive dev.selectors.posix;
    requires transitive org.junit.jupiter.api;
    requires com.sun.jna;
    requires jdk.unsupported;

    exports dev.selectors.tck;
    // JUnit finds and runs the contract's test methods by reflection.
    opens dev.selectors.tck to org.junit.platform.commons;
}
