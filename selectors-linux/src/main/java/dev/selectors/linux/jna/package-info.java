/**
 * The epoll binding through JNA: on Java 17 to 21, and with {@code -Dselectors.native=jna}.
 * Internal: not exported by the module.
 */
package dev.selectors.linux.jna;
