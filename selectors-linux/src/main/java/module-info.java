/**
 * Python's {@code EpollSelector}, on Linux. The binding (JNA, or FFM on Java 22+) is internal.
 */
module dev.selectors.linux {
    requires transitive dev.selectors.posix;
    requires com.sun.jna;

    exports dev.selectors.linux;

    provides dev.selectors.spi.SelectorProvider with dev.selectors.linux.EpollSelectorProvider;
}
