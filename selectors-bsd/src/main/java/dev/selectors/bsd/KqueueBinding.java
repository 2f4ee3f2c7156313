package dev.selectors.bsd;

/**
 * The binding seam to kqueue(2) and kevent(2): {@link KqueueSelector} calls these, never JNA or
 * {@code java.lang.foreign} directly. Conventions of {@link dev.selectors.posix.LibC}: the result
 * or {@code -errno}; pointers as {@code long} addresses.
 */
public interface KqueueBinding {

    /**
     * kqueue(2).
     *
     * @return the kqueue fd, or -errno
     */
    int kqueue();

    /**
     * kevent(2), under the symbol the layout names ({@code __kevent50} on NetBSD 10...).
     *
     * @param kq         the kqueue fd
     * @param changelist address of {@code nchanges} struct kevent, or 0
     * @param nchanges   changes to apply
     * @param eventlist  address of room for {@code nevents} struct kevent, or 0
     * @param nevents    events wanted; 0 applies the changes and returns at once
     * @param timeout    address of a {@code struct timespec}, or 0 to wait without limit
     * @return the number of events, or -errno
     */
    int kevent(int kq, long changelist, int nchanges, long eventlist, int nevents, long timeout);
}
