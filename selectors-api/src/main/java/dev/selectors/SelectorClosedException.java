package dev.selectors;

/**
 * Python's {@code RuntimeError('Selector is closed')}: the selector was used after
 * {@link Selector#close()}.
 */
public class SelectorClosedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public SelectorClosedException() {
        super("Selector is closed");
    }
}
