/**
 * The POSIX layer: Python's {@code PollSelector} and {@code SelectSelector}, file objects shaped
 * as Python's {@code socket.socket} ({@link dev.selectors.posix.Socket}) and {@code os.pipe()}
 * ({@link dev.selectors.posix.Pipe}), errno names as Python's {@code errno} module has them, and
 * {@link dev.selectors.posix.LibC}, the seam through which every native call of every Unix
 * backend goes; and {@link dev.selectors.posix.EchoExample}, the documentation's echo server.
 */
package dev.selectors.posix;
