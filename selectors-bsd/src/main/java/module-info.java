/**
 * Python's {@code KqueueSelector}, on macOS, FreeBSD, NetBSD, OpenBSD and DragonFly. The binding (JNA, or FFM on Java 22+) is internal.
 */
module dev.selectors.bsd {
    requires transitive dev.selectors.posix;
    requires com.sun.jna;

    exports dev.selectors.bsd;

    provides dev.selectors.spi.SelectorProvider with dev.selectors.bsd.KqueueSelectorProvider;
}
