/**
 * Python's {@code EpollSelector}: {@link dev.selectors.linux.EpollSelector}, with an eventfd
 * waker, and the seam {@link dev.selectors.linux.EpollBinding} to epoll's system calls.
 */
package dev.selectors.linux;
