package dev.selectors.solaris.ffm;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.selectors.posix.ffm.Downcall;
import dev.selectors.posix.ffm.Downcalls;
import dev.selectors.posix.BoundOnce;
import dev.selectors.solaris.SolarisBinding;
import dev.selectors.solaris.SolarisAbi;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;

/**
 * /dev/poll and event ports through the FFM API (Java 22+), from the library given once, at
 * first use, so that the handles are constants. Chosen when the C library binding is FFM.
 */
public final class FfmSolarisBinding implements SolarisBinding {

    private static final BoundOnce<String> BOUND = new BoundOnce<>("the Solaris calls");

    /**
     * Binds, on first use, to {@code library}.
     *
     * @param library the path of the emulation library in tests, or {@code null} for the C library
     */
    public FfmSolarisBinding(String library) {
        BOUND.bind(library);
        // Link now: a missing library or symbol fails the load, not the first call.
        Handles.PORT_CREATE.name();
    }

    @Override
    public int openDevpoll() {
        return (int) Handles.OPEN.call(Handles.DEV_POLL.address(), SolarisAbi.O_RDWR);
    }

    @Override
    public long write(int fd, long buf, long len) {
        return Handles.WRITE.call(fd, buf, len);
    }

    @Override
    public int dpPoll(int fd, long dvpoll) {
        return (int) Handles.IOCTL.callPerMessage(fd, SolarisAbi.DP_POLL, dvpoll, 0, 0, 0);
    }

    @Override
    public int close(int fd) {
        return (int) Handles.CLOSE.call(fd);
    }

    @Override
    public int portCreate() {
        return (int) Handles.PORT_CREATE.call();
    }

    @Override
    public int portAssociate(int port, int source, long object, int events, long user) {
        return (int) Handles.PORT_ASSOCIATE.call(port, source, object, events, user);
    }

    @Override
    public int portDissociate(int port, int source, long object) {
        return (int) Handles.PORT_DISSOCIATE.call(port, source, object);
    }

    @Override
    public int portGetn(int port, long list, int max, long nget, long timeout) {
        return (int) Handles.PORT_GETN.callPerMessage(port, list, max, nget, timeout, 0);
    }

    @Override
    public int portSend(int port, int events, long user) {
        return (int) Handles.PORT_SEND.call(port, events, user);
    }

    /** The handles, made once the library is known. */
    private static final class Handles {
        private static final SymbolLookup LIBRARY = Downcalls.library(BOUND.settings());
        static final MemorySegment DEV_POLL = Arena.global().allocateFrom("/dev/poll");
        static final Downcall OPEN = Downcall.of(LIBRARY, "open",
                FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT), Linker.Option.firstVariadicArg(2));
        static final Downcall WRITE = Downcall.of(LIBRARY, "write",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG));
        static final Downcall IOCTL = Downcall.of(LIBRARY, "ioctl",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG), Linker.Option.firstVariadicArg(2));
        static final Downcall CLOSE = Downcall.of(LIBRARY, "close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        static final Downcall PORT_CREATE = Downcall.of(LIBRARY, "port_create", FunctionDescriptor.of(JAVA_INT));
        static final Downcall PORT_ASSOCIATE = Downcall.of(LIBRARY, "port_associate",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_LONG));
        static final Downcall PORT_DISSOCIATE = Downcall.of(LIBRARY, "port_dissociate",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
        static final Downcall PORT_GETN = Downcall.of(LIBRARY, "port_getn",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG));
        static final Downcall PORT_SEND = Downcall.of(LIBRARY, "port_send",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
    }
}
