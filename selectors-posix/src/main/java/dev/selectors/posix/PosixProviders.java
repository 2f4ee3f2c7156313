package dev.selectors.posix;

import dev.selectors.spi.Availability;

/** What the POSIX providers share: they work wherever the C library binding loads. */
final class PosixProviders {

    private PosixProviders() {
    }

    static Availability libcAvailability() {
        Throwable cause = Natives.unavailabilityCause();
        if (cause == null) {
            return Availability.AVAILABLE;
        }
        return Availability.unavailable("the C library binding did not load: " + cause.getMessage(), cause);
    }
}
