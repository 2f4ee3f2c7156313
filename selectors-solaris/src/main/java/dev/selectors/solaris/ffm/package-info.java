/**
 * The /dev/poll and event port binding through {@code java.lang.foreign} (FFM), in the Java 22 part of the
 * multi-release jar. Internal: not exported by the module.
 */
package dev.selectors.solaris.ffm;
