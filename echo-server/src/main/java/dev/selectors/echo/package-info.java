/**
 * The echo server: the example of Python's {@code selectors} documentation line for line
 * ({@code --mode example}), and a production mode on the same API that never loses or reorders a
 * byte, with metrics, health endpoints and a drain on SIGTERM.
 */
package dev.selectors.echo;
