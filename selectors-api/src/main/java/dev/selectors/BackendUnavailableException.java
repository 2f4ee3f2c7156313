package dev.selectors;

/**
 * A backend that was asked for by name cannot be used on this machine. The message says why.
 */
public class BackendUnavailableException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the backend's name and the reason it is unavailable
     * @param cause   the error behind the reason, if any
     */
    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
