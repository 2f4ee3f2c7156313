package dev.selectors.solaris;

import dev.selectors.SelectorKey;
import dev.selectors.posix.Errno;
import dev.selectors.posix.LibC;
import dev.selectors.posix.NativeArray;
import dev.selectors.posix.NativeMemory;
import dev.selectors.posix.Natives;
import dev.selectors.posix.PollLikeEvents;
import dev.selectors.posix.PosixConstants;
import dev.selectors.posix.Waits;
import dev.selectors.spi.AbstractSelector;
import dev.selectors.spi.NativeResources;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * An event-port selector (illumos and Solaris): not in Python, but the JDK shipped one and
 * libevent ranks event ports first.
 *
 * <p>Associations are one-shot: once an fd's event is retrieved the fd is no longer associated,
 * so every fd reported by a select is associated again (with its key's current events) before
 * the select returns; modify associates again with the new events. A select is one
 * {@code port_getn} with nget = 1, which may fail with ETIME and still have delivered events.
 * Wake-ups are {@code port_send} events. Timeouts are {@code timespec} nanoseconds.
 */
public final class EventPortSelector extends AbstractSelector {

    private final EventPortBinding ports;
    private final int port;
    // port_event_t[]: one per registered fd plus a wake-up; grows only with registrations.
    private final NativeArray events;
    // uint_t nget at 0, struct timespec at 8.
    private final NativeMemory ngetAndTimeout;
    private final Waits.WaitCall getnCall = this::getnOnce;

    /**
     * Opens an event-port selector.
     *
     * @throws IOException port_create failed
     * @throws UnsupportedOperationException event ports are unavailable here
     */
    public EventPortSelector() throws IOException {
        this(Natives.libc(), Solaris.binding());
    }

    EventPortSelector(LibC libc, EventPortBinding ports) throws IOException {
        super("eventport");
        this.ports = ports;
        NativeResources owned = resources();
        try {
            this.port = owned.ownFd(Errno.check("port_create", ports.portCreate()), libc::close);
            this.events = owned.own(new NativeArray(libc, SolarisAbi.PORT_EVENT_SIZE, 64));
            this.ngetAndTimeout = owned.own(libc.allocate(24));
            wakeWith(new PortSendWaker(ports, port));
        } catch (Throwable failure) {
            close();
            throw failure;
        }
    }

    /**
     * Returns the port fd.
     *
     * @return the port fd
     */
    public int fileno() {
        return port;
    }

    private static int toPollEvents(int events) {
        return PollLikeEvents.toNative(events, PosixConstants.POLLIN, PosixConstants.POLLOUT);
    }

    private void associate(int fd, int events) throws IOException {
        Errno.check("port_associate", ports.portAssociate(port, SolarisAbi.PORT_SOURCE_FD, fd, toPollEvents(events), 0));
    }

    @Override
    protected void addInterest(int fd, int events) throws IOException {
        associate(fd, events);
    }

    @Override
    protected void changeInterest(int fd, int oldEvents, int newEvents) throws IOException {
        // Associating an associated fd replaces its events; a fired one is associated anew.
        associate(fd, newEvents);
    }

    @Override
    protected void removeInterest(int fd, int events) {
        // ENOENT (fired and not associated again) or EBADF (closed): nothing left to remove.
        ports.portDissociate(port, SolarisAbi.PORT_SOURCE_FD, fd);
    }

    /**
     * One port_getn; ETIME (timed out) and an interruption that still delivered events both
     * count as success, since *nget says how many events came (libevent's evport.c notes it).
     * Any other failure is one: *nget then still holds what was asked for, not what came.
     */
    private int getnOnce(long remainingNanos) {
        ByteBuffer control = ngetAndTimeout.buffer();
        control.putInt(0, 1);
        long timeout = 0;
        if (remainingNanos >= 0) {
            control.putLong(8, remainingNanos / 1_000_000_000L);
            control.putLong(16, remainingNanos % 1_000_000_000L);
            timeout = ngetAndTimeout.address() + 8;
        }
        int r = ports.portGetn(port, events.address(), events.capacity(), ngetAndTimeout.address(), timeout);
        if (r < 0 && (-r == SolarisAbi.ETIME || -r == Errno.EINTR && control.getInt(0) > 0)) {
            return 0;
        }
        return r;
    }

    @Override
    protected void doSelect(long timeoutNanos) throws IOException {
        events.ensureCapacity(registeredCount() + 1);
        Errno.check("port_getn", Waits.untilNotInterrupted(timeoutNanos, getnCall));
        int got = ngetAndTimeout.buffer().getInt(0);
        ByteBuffer list = events.buffer();
        boolean woken = false;
        for (int i = 0; i < got; i++) {
            int base = i * SolarisAbi.PORT_EVENT_SIZE;
            int source = list.getShort(base + SolarisAbi.PORTEV_SOURCE) & 0xFFFF;
            if (source == SolarisAbi.PORT_SOURCE_USER) {
                woken = true;
                continue;
            }
            if (source != SolarisAbi.PORT_SOURCE_FD) {
                continue;
            }
            int fd = (int) list.getLong(base + SolarisAbi.PORTEV_OBJECT);
            int revents = list.getInt(base + SolarisAbi.PORTEV_EVENTS);
            SelectorKey key = keyFor(fd);
            if (key != null) {
                // One-shot: associate again now, so the fd stays watched whatever the handler does.
                int r = ports.portAssociate(port, SolarisAbi.PORT_SOURCE_FD, fd, toPollEvents(key.events()), 0);
                ready(fd, PollLikeEvents.fromNative(revents, PosixConstants.POLLIN, PosixConstants.POLLOUT));
                if (r < 0 && -r != Errno.EBADF) {
                    throw Errno.exception("port_associate", -r);
                }
            }
        }
        if (woken) {
            wakeupReceived();
        }
    }
}
