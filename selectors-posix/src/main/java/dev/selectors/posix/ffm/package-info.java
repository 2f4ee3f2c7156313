/**
 * The C library through {@code java.lang.foreign} (FFM), in the Java 22 part of the
 * multi-release jar, with {@link dev.selectors.posix.ffm.FfmLayer} in every part. Exported only
 * to the backend modules, whose own FFM bindings use its downcall helpers.
 */
package dev.selectors.posix.ffm;
