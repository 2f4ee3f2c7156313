package dev.selectors.spi;

/**
 * Whether a backend can be used on this machine, and the reason when it cannot.
 *
 * @param available whether the backend works here
 * @param reason    why it does not, in words a user can act on; {@code null} when available
 * @param cause     the error behind the reason, if any
 */
public record Availability(boolean available, String reason, Throwable cause) {

    /** The backend works here. */
    public static final Availability AVAILABLE = new Availability(true, null, null);

    /**
     * Available when nothing went wrong, else unavailable for the error's message.
     *
     * @param cause why the backend cannot work here, or {@code null}
     * @return {@link #AVAILABLE}, or the unavailability with the cause
     */
    public static Availability of(Throwable cause) {
        return cause == null ? AVAILABLE : new Availability(false, cause.getMessage(), cause);
    }

    /**
     * The backend does not work here.
     *
     * @param reason why, for example {@code "epoll exists only on Linux (this is Mac OS X)"}
     * @return the value
     */
    public static Availability unavailable(String reason) {
        return new Availability(false, reason, null);
    }

    /**
     * The backend does not work here because of an error.
     *
     * @param reason why
     * @param cause  the error that showed it
     * @return the value
     */
    public static Availability unavailable(String reason, Throwable cause) {
        return new Availability(false, reason, cause);
    }
}
