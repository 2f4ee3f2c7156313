/**
 * The POSIX layer under every Unix backend: the C library binding (JNA on Java 17, FFM on
 * Java 22+), Python's {@code PollSelector} and {@code SelectSelector}, and file objects shaped as
 * Python's {@code socket.socket} and {@code os.pipe()}.
 */
module dev.selectors.posix {
    requires transitive dev.selectors;
    requires com.sun.jna;

    exports dev.selectors.posix;
    // The FFM helpers (Java 22 part of the jar) for the backends' own FFM bindings, and no one else.
    exports dev.selectors.posix.ffm to dev.selectors.linux, dev.selectors.bsd, dev.selectors.solaris;
    // The JNA helpers (the errno convention, the C library's name) for their JNA bindings.
    exports dev.selectors.posix.jna to dev.selectors.linux, dev.selectors.bsd, dev.selectors.solaris;

    provides dev.selectors.spi.SelectorProvider
            with dev.selectors.posix.PollSelectorProvider, dev.selectors.posix.SelectSelectorProvider;
}
