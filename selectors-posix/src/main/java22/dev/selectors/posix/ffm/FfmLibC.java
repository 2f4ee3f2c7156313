package dev.selectors.posix.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.selectors.posix.AbstractLibC;
import dev.selectors.posix.CSymbols;
import dev.selectors.posix.LibC;
import dev.selectors.posix.NativeMemory;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The C library through the FFM API ({@code java.lang.foreign}, Java 22+), in two strategies:
 * {@link SyscallLibC}, every call but poll and select a system call through one
 * {@code syscall(2)} handle (Linux x86_64 and aarch64, see {@link LinuxSyscalls}), and
 * {@link NamedFunctionLibC}, a downcall handle per C function (elsewhere, and with
 * {@code -Dselectors.syscalls=libc}). What both share is here: poll and select (always C
 * functions), strerror, native memory. errno is captured by the call and read only on failure
 * (see {@link Downcalls}). Chosen by {@link dev.selectors.posix.Natives} on Java 22 and newer.
 */
public abstract class FfmLibC extends AbstractLibC {

    /** poll and select, C library calls everywhere (aarch64 Linux has neither system call). */
    private static final class Multiplexing {
        static final MethodHandle POLL = Downcalls.capturingErrno("poll",
                FunctionDescriptor.of(JAVA_INT, JAVA_LONG, NFDS_IS_LONG ? JAVA_LONG : JAVA_INT, JAVA_INT));
        static final MethodHandle SELECT = Downcalls.capturingErrno(CSymbols.of("select"),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG));
    }

    /** strerror, for error messages only. */
    private static final class Messages {
        static final MethodHandle STRERROR = Downcalls.plain("strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));
    }

    FfmLibC() {
    }

    /**
     * The strategy for this system; it links nothing until a call needs it.
     *
     * @return direct system calls where {@link LinuxSyscalls#ENABLED}, named C functions otherwise
     */
    public static LibC create() {
        return LinuxSyscalls.ENABLED ? new SyscallLibC() : new NamedFunctionLibC();
    }

    /** A call that fills two ints at an address (pipe, socketpair). */
    @FunctionalInterface
    interface PairCall {
        int call(long pair) throws Throwable;
    }

    /** Makes {@code call} with room for two ints and copies them to {@code fds} when it succeeded. */
    static int intoPair(int[] fds, PairCall call) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pair = arena.allocate(JAVA_INT, 2);
            int r = call.call(pair.address());
            if (r == 0) {
                fds[0] = pair.getAtIndex(JAVA_INT, 0);
                fds[1] = pair.getAtIndex(JAVA_INT, 1);
            }
            return r;
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public final String bindingName() {
        return "ffm";
    }

    @Override
    public final int poll(long fds, int nfds, int timeoutMillis) {
        MemorySegment state = Downcalls.captureState();
        try {
            int r = NFDS_IS_LONG ? (int) Multiplexing.POLL.invokeExact(state, fds, (long) nfds, timeoutMillis)
                    : (int) Multiplexing.POLL.invokeExact(state, fds, nfds, timeoutMillis);
            return Downcalls.result(r, state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public final int select(int nfds, long readfds, long writefds, long exceptfds, long timeout) {
        MemorySegment state = Downcalls.captureState();
        try {
            return Downcalls.result(
                    (int) Multiplexing.SELECT.invokeExact(state, nfds, readfds, writefds, exceptfds, timeout), state);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public final String strerror(int errno) {
        try {
            MemorySegment text = (MemorySegment) Messages.STRERROR.invokeExact(errno);
            return text.reinterpret(Integer.MAX_VALUE).getString(0);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public final NativeMemory allocate(long size) {
        return new FfmMemory(Arena.ofShared(), size);
    }

    @Override
    public final NativeMemory allocateTemporary(long size) {
        return new FfmMemory(Arena.ofConfined(), size);
    }

    @Override
    public final long address(ByteBuffer directBuffer) {
        if (!directBuffer.isDirect()) {
            throw new IllegalArgumentException("not a direct buffer: " + directBuffer);
        }
        return MemorySegment.ofBuffer(directBuffer).address() - directBuffer.position();
    }

    /**
     * {@link NativeMemory} from an arena of its own: shared when the owner (a selector) may be
     * made on one thread and used and closed on another, confined for one call's temporaries.
     */
    private static final class FfmMemory implements NativeMemory {
        private final Arena arena;
        private final MemorySegment segment;
        private final ByteBuffer buffer;

        FfmMemory(Arena arena, long size) {
            this.arena = arena;
            segment = arena.allocate(size, 16);
            segment.fill((byte) 0);
            buffer = segment.asByteBuffer().order(ByteOrder.nativeOrder());
        }

        @Override
        public long address() {
            return segment.address();
        }

        @Override
        public ByteBuffer buffer() {
            return buffer;
        }

        @Override
        public long size() {
            return segment.byteSize();
        }

        @Override
        public void close() {
            if (arena.scope().isAlive()) {
                arena.close();
            }
        }
    }
}
