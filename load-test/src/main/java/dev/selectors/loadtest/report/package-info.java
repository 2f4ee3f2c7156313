/**
 * What a run leaves behind: the terminal table and JSON ({@link
 * dev.selectors.loadtest.report.Reports}), the HTML page, the HdrHistogram log ({@link
 * dev.selectors.loadtest.report.RunLog}) and its merge ({@link
 * dev.selectors.loadtest.report.LogMerge}).
 */
package dev.selectors.loadtest.report;
