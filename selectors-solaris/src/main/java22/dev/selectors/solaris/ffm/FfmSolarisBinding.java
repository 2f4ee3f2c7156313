package dev.selectors.solaris.ffm;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.selectors.posix.ffm.Downcalls;
import dev.selectors.posix.BoundOnce;
import dev.selectors.solaris.SolarisBinding;
import dev.selectors.solaris.SolarisAbi;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * /dev/poll and event ports through the FFM API (Java 22+), from the library given once, at
 * first use, so that the handles are constants. Chosen when the C library binding is FFM.
 */
public final class FfmSolarisBinding implements SolarisBinding {

    private static final BoundOnce BOUND = new BoundOnce("the Solaris calls");
    private static String library;

    /**
     * Binds, on first use, to {@code library} (null: the C library).
     *
     * @param library the path of the emulation library in tests, or {@code null}
     */
    public FfmSolarisBinding(String library) {
        synchronized (FfmSolarisBinding.class) {
            if (BOUND.bind(library)) {
                FfmSolarisBinding.library = library;
            }
        }
        Handles.PORT_CREATE.type();
    }

    @Override
    public int openDevpoll() {
        MemorySegment state = Downcalls.captureState();
        try {
            return Downcalls.result((int) Handles.OPEN.invokeExact(state, Handles.DEV_POLL.address(), SolarisAbi.O_RDWR), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public long write(int fd, long buf, long len) {
        MemorySegment state = Downcalls.captureState();
        try {
            return Downcalls.result((long) Handles.WRITE.invokeExact(state, fd, buf, len), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int dpPoll(int fd, long dvpoll) {
        MemorySegment state = Downcalls.captureState();
        try {
            return Downcalls.result((int) Handles.IOCTL.invokeExact(state, fd, SolarisAbi.DP_POLL, dvpoll), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int close(int fd) {
        MemorySegment state = Downcalls.captureState();
        try {
            return Downcalls.result((int) Handles.CLOSE.invokeExact(state, fd), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int portCreate() {
        MemorySegment state = Downcalls.captureState();
        try {
            return Downcalls.result((int) Handles.PORT_CREATE.invokeExact(state), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int portAssociate(int port, int source, long object, int events, long user) {
        MemorySegment state = Downcalls.captureState();
        try {
            return Downcalls.result((int) Handles.PORT_ASSOCIATE.invokeExact(state, port, source, object, events, user), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int portDissociate(int port, int source, long object) {
        MemorySegment state = Downcalls.captureState();
        try {
            return Downcalls.result((int) Handles.PORT_DISSOCIATE.invokeExact(state, port, source, object), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int portGetn(int port, long list, int max, long nget, long timeout) {
        MemorySegment state = Downcalls.captureState();
        try {
            return Downcalls.result((int) Handles.PORT_GETN.invokeExact(state, port, list, max, nget, timeout), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public int portSend(int port, int events, long user) {
        MemorySegment state = Downcalls.captureState();
        try {
            return Downcalls.result((int) Handles.PORT_SEND.invokeExact(state, port, events, user), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    /** The handles, made once the library is known. */
    private static final class Handles {
        private static final SymbolLookup LIBRARY = Downcalls.library(library);
        static final MemorySegment DEV_POLL = Arena.global().allocateFrom("/dev/poll");
        static final MethodHandle OPEN = Downcalls.capturingErrno(LIBRARY, "open",
                FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT), Linker.Option.firstVariadicArg(2));
        static final MethodHandle WRITE = Downcalls.capturingErrno(LIBRARY, "write",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG));
        static final MethodHandle IOCTL = Downcalls.capturingErrno(LIBRARY, "ioctl",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG), Linker.Option.firstVariadicArg(2));
        static final MethodHandle CLOSE = Downcalls.capturingErrno(LIBRARY, "close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        static final MethodHandle PORT_CREATE = Downcalls.capturingErrno(LIBRARY, "port_create", FunctionDescriptor.of(JAVA_INT));
        static final MethodHandle PORT_ASSOCIATE = Downcalls.capturingErrno(LIBRARY, "port_associate",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_LONG));
        static final MethodHandle PORT_DISSOCIATE = Downcalls.capturingErrno(LIBRARY, "port_dissociate",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
        static final MethodHandle PORT_GETN = Downcalls.capturingErrno(LIBRARY, "port_getn",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG));
        static final MethodHandle PORT_SEND = Downcalls.capturingErrno(LIBRARY, "port_send",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
    }
}
