package dev.selectors.solaris;

import dev.selectors.posix.Errno;
import dev.selectors.spi.Waker;
import java.io.IOException;

/**
 * Wake-up through the event port itself: {@code port_send} queues a user event, which the
 * selector's {@code port_getn} returns, and so consumes. No fd of its own and nothing to drain:
 * the port belongs to the selector.
 */
final class PortSendWaker implements Waker {

    private final EventPortBinding ports;
    private final int port;

    PortSendWaker(EventPortBinding ports, int port) {
        this.ports = ports;
        this.port = port;
    }

    @Override
    public void signal() throws IOException {
        Errno.check("port_send", ports.portSend(port, 0, 0));
    }

    @Override
    public void drain() {
        // Each port_send is one event, consumed when port_getn retrieved it.
    }
}
