package dev.selectors.posix.ffm;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Collections;

/**
 * One native function, adapted once to the seams' convention so that a binding calls it in one
 * line: up to six arguments, each passed as a {@code long} (the handle narrows those C takes as
 * {@code int} and drops those it does not take), and the result as a {@code long}, or
 * {@code -errno} when it failed. The errno capture, the check and the impossible
 * {@code Throwable} are written here, once for every FFM binding: no binding invokes a handle
 * itself, but for strerror, which sets no errno.
 *
 * <p>Every binding keeps its calls in static final fields: a record's fields are constants to
 * the JIT, so C2 inlines the whole downcall into the binding's method. On the per-message path
 * (recv, send, each backend's wait) the bindings call {@link #callPerMessage}. It takes all six
 * arguments, so that no overload stands between the binding's method and the downcall: C2 must
 * inline the whole downcall, whose check of the errno capture segment otherwise allocates a
 * slice ({@code SteadyStateAllocationTest} guards it). And it is a method of its own because the
 * JIT keeps one branch profile per method: shared with calls that fail as a matter of course
 * (accept4's EAGAIN after every burst of connections), the failure branch would stay compiled
 * into recv and send, errno's read an out-of-line call (BENCHMARKS.md has the measurements).
 *
 * @param name   the function, for messages
 * @param number what goes before the arguments: a system call's number, for the one
 *               {@code syscall(2)} handle ({@link LinuxSyscalls}); 0 for a C function, whose
 *               handle drops it. A field rather than a bound argument, so that the JIT passes it
 *               as a constant exactly as a call written out would.
 * @param handle {@code long (MemorySegment state, long number, long a, long b, long c, long d,
 *               long e, long f)}
 */
public record Downcall(String name, long number, MethodHandle handle) {

    /** How many arguments a call takes at most: syscall(2)'s six. */
    private static final int MAX_ARGUMENTS = 6;

    private static final MethodType TYPE = MethodType.methodType(long.class,
            Collections.nCopies(1 + MAX_ARGUMENTS, long.class)).insertParameterTypes(0, MemorySegment.class);

    /**
     * Checks the handle's type.
     *
     * @param name   the function
     * @param number the value passed before the arguments
     * @param handle its handle, of the type above
     */
    public Downcall {
        if (!handle.type().equals(TYPE)) {
            throw new IllegalArgumentException(name + ": " + handle.type() + " is not " + TYPE);
        }
    }

    /**
     * A function of {@code library}, linked now.
     *
     * @param library    where to look it up ({@link Downcalls#library})
     * @param symbol     the symbol
     * @param descriptor its C signature: {@code int} and {@code long} (pointers as addresses) only
     * @param options    further linker options (for example {@code firstVariadicArg})
     * @return the call
     * @throws UnsupportedOperationException the library has no such function
     */
    public static Downcall of(SymbolLookup library, String symbol, FunctionDescriptor descriptor,
                              Linker.Option... options) {
        return adapt(symbol, Downcalls.capturingErrno(library, symbol, descriptor, options)
                .orElseThrow(() -> Downcalls.missing(library, symbol)));
    }

    /**
     * A function of the C library, linked now.
     *
     * @param symbol     the symbol
     * @param descriptor its C signature: {@code int} and {@code long} (pointers as addresses) only
     * @param options    further linker options
     * @return the call
     * @throws UnsupportedOperationException the C library has no such function
     */
    public static Downcall of(String symbol, FunctionDescriptor descriptor, Linker.Option... options) {
        return of(Downcalls.library(null), symbol, descriptor, options);
    }

    /**
     * As {@link #of(String, FunctionDescriptor, Linker.Option...)}, for a function that only
     * some systems have.
     *
     * @param symbol     the symbol
     * @param descriptor its C signature
     * @param options    further linker options
     * @return the call, or {@code null} when the C library has no such function
     */
    public static Downcall ifPresent(String symbol, FunctionDescriptor descriptor, Linker.Option... options) {
        return Downcalls.capturingErrno(Downcalls.library(null), symbol, descriptor, options)
                .map(h -> adapt(symbol, h)).orElse(null);
    }

    /**
     * Adapts a handle made by {@link Downcalls#capturingErrno}: its arguments after the capture
     * segment and its result may each be {@code int} or {@code long}, at most six arguments.
     *
     * @param name      the function, for messages
     * @param capturing the handle, capture segment first
     * @return the call
     */
    private static Downcall adapt(String name, MethodHandle capturing) {
        int arguments = capturing.type().parameterCount() - 1;
        if (arguments > MAX_ARGUMENTS) {
            throw new IllegalArgumentException(name + " takes " + arguments + " arguments, more than " + MAX_ARGUMENTS);
        }
        MethodType widened = MethodType.methodType(long.class, Collections.nCopies(arguments, long.class))
                .insertParameterTypes(0, MemorySegment.class);
        MethodHandle wide = MethodHandles.explicitCastArguments(capturing, widened);
        MethodHandle padded = MethodHandles.dropArguments(wide, 1 + arguments,
                Collections.nCopies(MAX_ARGUMENTS - arguments, long.class));
        return new Downcall(name, 0, MethodHandles.dropArguments(padded, 1, long.class));
    }

    /**
     * Calls the function with no arguments.
     *
     * @return the result, or {@code -errno}
     */
    public long call() {
        return call(0, 0, 0, 0, 0, 0);
    }

    /**
     * Calls the function with one argument.
     *
     * @param a the argument
     * @return the result, or {@code -errno}
     */
    public long call(long a) {
        return call(a, 0, 0, 0, 0, 0);
    }

    /**
     * Calls the function with two arguments.
     *
     * @param a the first
     * @param b the second
     * @return the result, or {@code -errno}
     */
    public long call(long a, long b) {
        return call(a, b, 0, 0, 0, 0);
    }

    /**
     * Calls the function with three arguments.
     *
     * @param a the first
     * @param b the second
     * @param c the third
     * @return the result, or {@code -errno}
     */
    public long call(long a, long b, long c) {
        return call(a, b, c, 0, 0, 0);
    }

    /**
     * Calls the function with four arguments.
     *
     * @param a the first
     * @param b the second
     * @param c the third
     * @param d the fourth
     * @return the result, or {@code -errno}
     */
    public long call(long a, long b, long c, long d) {
        return call(a, b, c, d, 0, 0);
    }

    /**
     * Calls the function with five arguments.
     *
     * @param a the first
     * @param b the second
     * @param c the third
     * @param d the fourth
     * @param e the fifth
     * @return the result, or {@code -errno}
     */
    public long call(long a, long b, long c, long d, long e) {
        return call(a, b, c, d, e, 0);
    }

    /**
     * Calls the function with six arguments; those it does not take are ignored.
     *
     * @param a the first
     * @param b the second
     * @param c the third
     * @param d the fourth
     * @param e the fifth
     * @param f the sixth
     * @return the result, or {@code -errno}
     */
    public long call(long a, long b, long c, long d, long e, long f) {
        MemorySegment state = Downcalls.captureState();
        try {
            long r = (long) handle.invokeExact(state, number, a, b, c, d, e, f);
            return r < 0 ? -Downcalls.errno(state) : r;
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    /**
     * As {@link #call(long, long, long, long, long, long)}, for the per-message calls only:
     * recv, send and the backends' waits, whose failures are rare. The same body on purpose:
     * its own bytecode is its own branch profile (see the class comment).
     *
     * @param a the first argument
     * @param b the second
     * @param c the third
     * @param d the fourth
     * @param e the fifth
     * @param f the sixth
     * @return the result, or {@code -errno}
     */
    public long callPerMessage(long a, long b, long c, long d, long e, long f) {
        MemorySegment state = Downcalls.captureState();
        try {
            long r = (long) handle.invokeExact(state, number, a, b, c, d, e, f);
            return r < 0 ? -Downcalls.errno(state) : r;
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }
}
