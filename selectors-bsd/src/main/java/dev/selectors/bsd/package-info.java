/**
 * Python's {@code KqueueSelector}: {@link dev.selectors.bsd.KqueueSelector} for macOS, FreeBSD,
 * NetBSD, OpenBSD and DragonFly, each system's {@code struct kevent} layout ({@link
 * dev.selectors.bsd.KeventLayout}), and the seam {@link dev.selectors.bsd.KqueueBinding}.
 */
package dev.selectors.bsd;
