/**
 * {@code load-test compare}: the servers it runs ({@link
 * dev.selectors.loadtest.compare.ServerCatalogue}), one measured run of one server ({@link
 * dev.selectors.loadtest.compare.ComparisonRun}), and the table of medians ({@link
 * dev.selectors.loadtest.compare.ComparisonReport}).
 */
package dev.selectors.loadtest.compare;
