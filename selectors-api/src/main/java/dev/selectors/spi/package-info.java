/**
 * The service interface for backends (Python has none: its selectors are classes of one module).
 * A backend is a {@link dev.selectors.spi.SelectorProvider} found through
 * {@link java.util.ServiceLoader}, and usually extends {@link dev.selectors.spi.AbstractSelector},
 * which keeps the key map and the Python semantics and leaves five hooks to the system call.
 */
package dev.selectors.spi;
