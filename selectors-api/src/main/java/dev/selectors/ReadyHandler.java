package dev.selectors;

import java.io.IOException;

/**
 * Receives ready keys one by one from {@link Selector#select(java.time.Duration, ReadyHandler)},
 * the allocation-free form of select for hot loops. It is what Python's
 * {@code for key, mask in sel.select(): ...} loop body does.
 *
 * <p>The handler may register, modify and unregister file objects, including the one it was
 * called for; a file object unregistered during dispatch is not reported afterwards in the
 * same select call, even if it is registered again (the next select reports it), and neither
 * is whatever reuses its fd. A key modified during dispatch is reported with its new events
 * and data.
 */
@FunctionalInterface
public interface ReadyHandler {

    /**
     * Called once for each ready key.
     *
     * @param key    the key of the ready file object
     * @param events the events it is ready for, a non-zero subset of {@code key.events()}
     * @throws IOException to stop dispatching; select rethrows it
     */
    void ready(SelectorKey key, int events) throws IOException;
}
