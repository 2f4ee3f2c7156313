package dev.selectors.solaris;

/**
 * Constants and struct layouts of /dev/poll and event ports on illumos and Solaris, named as in
 * their headers (shared/ABI.md: {@code sys/devpoll.h}, {@code sys/port.h}, {@code sys/poll.h}).
 * LP64 only.
 * <pre>
 * struct dvpoll { pollfd_t *dp_fds; nfds_t dp_nfds; int dp_timeout; sigset_t *dp_setp; };
 *     offsets 0, 8, 16, (pad), 24: 32 bytes on illumos; old Solaris headers end at dp_timeout
 *     (24 bytes), so 32 zeroed bytes are right for both.
 * typedef struct port_event { int portev_events; ushort_t portev_source; ushort_t portev_pad;
 *     uintptr_t portev_object; void *portev_user; } port_event_t;
 *     offsets 0, 4, 6, 8, 16: 24 bytes.
 * </pre>
 */
public final class SolarisAbi {

    /** {@code DP_POLL}: wait for events on a /dev/poll fd (DPIOC | 1). */
    public static final int DP_POLL = 0xD001;
    /** {@code POLLREMOVE}: in a record written to /dev/poll, removes the fd. */
    public static final short POLLREMOVE = 0x0800;
    /** open(2) flag: read and write. */
    public static final int O_RDWR = 2;

    /** {@code sizeof(struct dvpoll)} allocated: illumos's 32 (old Solaris reads only 24). */
    public static final int DVPOLL_SIZE = 32;
    /** {@code offsetof(struct dvpoll, dp_fds)}. */
    public static final int DVPOLL_FDS = 0;
    /** {@code offsetof(struct dvpoll, dp_nfds)}. */
    public static final int DVPOLL_NFDS = 8;
    /** {@code offsetof(struct dvpoll, dp_timeout)}. */
    public static final int DVPOLL_TIMEOUT = 16;

    /** {@code PORT_SOURCE_USER}: an event sent with port_send. */
    public static final int PORT_SOURCE_USER = 3;
    /** {@code PORT_SOURCE_FD}: a file descriptor's poll events. */
    public static final int PORT_SOURCE_FD = 4;
    /** {@code sizeof(port_event_t)}. */
    public static final int PORT_EVENT_SIZE = 24;
    /** {@code offsetof(port_event_t, portev_events)}. */
    public static final int PORTEV_EVENTS = 0;
    /** {@code offsetof(port_event_t, portev_source)}. */
    public static final int PORTEV_SOURCE = 4;
    /** {@code offsetof(port_event_t, portev_pad)}. */
    public static final int PORTEV_PAD = 6;
    /** {@code offsetof(port_event_t, portev_object)}. */
    public static final int PORTEV_OBJECT = 8;
    /** {@code offsetof(port_event_t, portev_user)}. */
    public static final int PORTEV_USER = 16;

    /** {@code ETIME}: port_getn timed out (62 on illumos, as on Linux); events may still have come. */
    public static final int ETIME = 62;

    private SolarisAbi() {
    }
}
