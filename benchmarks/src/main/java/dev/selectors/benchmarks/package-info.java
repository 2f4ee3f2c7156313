/**
 * JMH micro-benchmarks of the native calls and the select loop (BENCHMARKS.md says what they
 * measured).
 */
package dev.selectors.benchmarks;
