/**
 * The C library through JNA's direct mapping: the binding on Java 17 to 21, and on any Java
 * with {@code -Dselectors.native=jna}. Internal: not exported by the module.
 */
package dev.selectors.posix.jna;
