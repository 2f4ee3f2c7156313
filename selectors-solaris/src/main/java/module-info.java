/**
 * Python's {@code DevpollSelector} and an event-port selector, on illumos and Solaris. The binding (JNA, or FFM on Java 22+) is internal.
 */
module dev.selectors.solaris {
    requires transitive dev.selectors.posix;
    requires com.sun.jna;

    exports dev.selectors.solaris;

    provides dev.selectors.spi.SelectorProvider with dev.selectors.solaris.DevpollSelectorProvider, dev.selectors.solaris.EventPortSelectorProvider;
}
