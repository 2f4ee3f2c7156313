package dev.selectors.solaris;

/**
 * The binding seam to event ports (port_create(3C) and friends), from the C library (or, in
 * tests, the emulation library). Conventions of {@link dev.selectors.posix.LibC}: the result or
 * {@code -errno}; pointers as {@code long}.
 */
public interface EventPortBinding {

    /**
     * Returns a new port fd, or -errno.
     *
     * @return a new port fd, or -errno
     */
    int portCreate();

    /**
     * Returns 0 or -errno.
     *
     * @param port port
     * @param source PORT_SOURCE_*
     * @param object the fd
     * @param events POLL* bits
     * @param user user pointer
     * @return 0 or -errno
     */
    int portAssociate(int port, int source, long object, int events, long user);

    /**
     * Returns 0 or -errno (ENOENT when not associated).
     *
     * @param port port
     * @param source PORT_SOURCE_*
     * @param object the fd
     * @return 0 or -errno (ENOENT when not associated)
     */
    int portDissociate(int port, int source, long object);

    /**
     * port_getn(3C).
     *
     * @param port    the port
     * @param list    room for {@code max} port_event_t
     * @param max     the room
     * @param nget    address of a uint_t: in, events to wait for; out, events returned
     * @param timeout a timespec, or 0 to wait without limit
     * @return 0, or -errno (ETIME on timeout, when *nget may still be above 0)
     */
    int portGetn(int port, long list, int max, long nget, long timeout);

    /**
     * Returns 0 or -errno.
     *
     * @param port port
     * @param events any value
     * @param user user pointer
     * @return 0 or -errno
     */
    int portSend(int port, int events, long user);
}
