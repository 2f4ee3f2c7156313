package dev.selectors;

/**
 * Python's {@code SelectorKey}: associates a file object with its file descriptor, the events
 * it is watched for, and data attached by the caller.
 *
 * <p>Keys are immutable: {@link Selector#modify} returns a new key rather than changing this
 * one.
 *
 * @param fileobj the file object registered: an {@link Integer} or a {@link FileObject}
 * @param fd      its file descriptor at registration time
 * @param events  the events watched for, a mask of {@link Selector#EVENT_READ} and
 *                {@link Selector#EVENT_WRITE}
 * @param data    opaque data attached by the caller, such as a callback; may be {@code null}
 */
public record SelectorKey(Object fileobj, int fd, int events, Object data) {

    /**
     * Python's {@code key._replace(data=...)}.
     *
     * @param newData the data of the new key
     * @return a key equal to this one but for its data
     */
    public SelectorKey withData(Object newData) {
        return new SelectorKey(fileobj, fd, events, newData);
    }

}
