package dev.selectors;

import java.util.NoSuchElementException;

/**
 * Python's {@code KeyError} from {@code get_key}, {@code unregister} and {@code modify}: the
 * file object is not registered with this selector.
 */
public class NotRegisteredException extends NoSuchElementException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for a file object.
     *
     * @param fileobj the file object that is not registered
     */
    public NotRegisteredException(Object fileobj) {
        super(fileobj + " is not registered");
    }
}
