/**
 * The load generator: what a load is ({@link dev.selectors.loadtest.generator.Load}, {@link
 * dev.selectors.loadtest.generator.Scenario}), the event loops that apply it and check every
 * echoed byte, the latency histograms, and what a run measured ({@link
 * dev.selectors.loadtest.generator.RunResult}, judged by {@link
 * dev.selectors.loadtest.generator.Threshold}s).
 */
package dev.selectors.loadtest.generator;
