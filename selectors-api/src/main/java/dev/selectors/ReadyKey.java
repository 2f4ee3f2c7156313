package dev.selectors;

/**
 * One entry of the list {@link Selector#select()} returns: Python's {@code (key, events)}
 * tuple.
 *
 * @param key    the key of a ready file object
 * @param events the events it is ready for: never zero, always a subset of the key's events
 */
public record ReadyKey(SelectorKey key, int events) {
}
