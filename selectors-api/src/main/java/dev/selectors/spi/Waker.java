package dev.selectors.spi;

import java.io.IOException;

/**
 * How a backend makes a blocked select return when another thread calls
 * {@link dev.selectors.Selector#wakeup()}: a self-pipe, an eventfd, a kqueue user event, an
 * event-port message. Python's selectors leave this to the event loop (asyncio's self-pipe);
 * here each backend hands its mechanism to {@link AbstractSelector#wakeWith}, and the base
 * coalesces wake-ups and consumes them. The mechanism's fds and memory belong to the
 * selector's {@link NativeResources}, like every other native resource, and are closed with it.
 */
public interface Waker {

    /**
     * Makes the selector's current or next wait return. Called from any thread, at most once
     * until {@link #drain()} ran, never after the selector closed.
     *
     * @throws IOException the signal could not be sent
     */
    void signal() throws IOException;

    /**
     * Consumes the signal, so that the next wait blocks again; called on the selecting thread
     * after the backend saw the signal in its wait.
     *
     * @throws IOException the signal could not be consumed
     */
    void drain() throws IOException;
}
