/**
 * Measuring a process beside the load: CPU time and RSS from /proc, instructions and system calls
 * from perf, user-space instructions from Valgrind's callgrind, the JIT's compile time, and server
 * processes started for a run.
 */
package dev.selectors.loadtest.measure;
