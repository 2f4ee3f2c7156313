/**
 * The epoll binding through {@code java.lang.foreign} (FFM), in the Java 22 part of the
 * multi-release jar. Internal: not exported by the module.
 */
package dev.selectors.linux.ffm;
