/**
 * The conformance kit: JUnit 5 contract tests written from Python's {@code selectors}
 * documentation ({@link dev.selectors.tck.SelectorContract}), which every backend runs by
 * extending them, and the documented echo example ({@link dev.selectors.tck.EchoExample}).
 */
package dev.selectors.tck;
