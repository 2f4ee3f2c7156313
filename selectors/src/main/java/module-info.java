/**
 * Everything {@code Selectors.open()} needs on any system: the API, the POSIX layer, and every
 * backend. Requiring this module is the module-path form of depending on
 * {@code dev.selectors:selectors}; requiring {@code dev.selectors} alone also works, since the
 * backends on the module path are found as services.
 */
module dev.selectors.all {
    requires transitive dev.selectors;
    requires transitive dev.selectors.posix;
    requires dev.selectors.linux;
    requires dev.selectors.bsd;
    requires dev.selectors.solaris;
}
