/**
 * The few C library calls the conformance kit's test support makes (a signal to one thread, the
 * open-file limit), through JNA. Internal: not exported by the module.
 */
package dev.selectors.tck.jna;
