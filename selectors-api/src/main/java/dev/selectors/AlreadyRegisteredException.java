package dev.selectors;

/**
 * Python's {@code KeyError} from {@code register}: the file object, or another object with the
 * same file descriptor, is already registered with this selector.
 */
public class AlreadyRegisteredException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for a file object.
     *
     * @param fileobj the file object passed to register
     * @param fd      its file descriptor
     */
    public AlreadyRegisteredException(Object fileobj, int fd) {
        super(fileobj + " (FD " + fd + ") is already registered");
    }
}
