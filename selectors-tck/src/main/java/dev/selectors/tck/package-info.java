/**
 * The conformance kit: JUnit 5 contract tests written from Python's {@code selectors}
 * documentation ({@link dev.selectors.tck.SelectorContract}), which every backend runs by
 * extending them; its echo test runs the documented example
 * ({@link dev.selectors.posix.EchoExample}) on each backend.
 */
package dev.selectors.tck;
