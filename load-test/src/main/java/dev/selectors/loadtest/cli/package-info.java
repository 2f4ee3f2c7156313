/**
 * The command line: {@code load-test run}, {@code merge} and {@code compare}, their options, exit
 * statuses and signals. Depends on every other package here; none depends on it.
 */
package dev.selectors.loadtest.cli;
