package dev.selectors.solaris;

/**
 * The one seam both Solaris backends are bound through: /dev/poll's calls and the event-port
 * calls come from the same library (the C library, or in tests the emulation library), so one
 * implementation, loaded once, serves both.
 */
public interface SolarisBinding extends DevpollBinding, EventPortBinding {
}
