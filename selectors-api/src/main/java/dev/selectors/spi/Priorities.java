package dev.selectors.spi;

/**
 * The priorities of the built-in backends, in the order Python's {@code DefaultSelector}
 * prefers them (event ports, which Python lacks, sit between kqueue and /dev/poll, as
 * libevent ranks them). Third-party backends pick a number relative to these.
 */
public final class Priorities {

    /** kqueue (macOS and the BSDs): Python's first choice. */
    public static final int KQUEUE = 500;
    /** illumos and Solaris event ports. */
    public static final int EVENT_PORT = 450;
    /** Linux epoll. */
    public static final int EPOLL = 400;
    /** Solaris and illumos /dev/poll. */
    public static final int DEVPOLL = 300;
    /** poll(2), on every Unix. */
    public static final int POLL = 200;
    /** select(2): the last resort, limited to fds below FD_SETSIZE. */
    public static final int SELECT = 100;

    private Priorities() {
    }
}
