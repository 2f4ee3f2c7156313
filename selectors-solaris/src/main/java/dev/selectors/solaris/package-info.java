/**
 * Python's {@code DevpollSelector} ({@link dev.selectors.solaris.DevpollSelector}) and a
 * selector on illumos and Solaris event ports ({@link dev.selectors.solaris.EventPortSelector},
 * which Python lacks), with their seams {@link dev.selectors.solaris.DevpollBinding} and {@link
 * dev.selectors.solaris.EventPortBinding}.
 */
package dev.selectors.solaris;
