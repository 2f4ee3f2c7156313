package dev.selectors.posix.ffm;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * Downcall handles to the C library, made once, and errno as the FFM API captures it.
 *
 * <p>errno must be captured by the downcall itself ({@code captureCallState("errno")}): the
 * JVM may call into libc between two Java calls and change it. The capture segment is one per
 * thread ({@link CaptureStates}), allocated once from an automatic arena, and read only when a
 * call failed. Pointers are passed as {@code JAVA_LONG} addresses, which the LP64 ABIs
 * (x86_64, aarch64) pass exactly like pointers, so no per-call {@code MemorySegment} is made.
 *
 * <p>Internal: {@link Downcall} makes every call through here; the backend modules' FFM bindings
 * use only {@link #library}.
 */
public final class Downcalls {

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final long ERRNO_OFFSET =
            CAPTURE_LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement("errno"));

    private Downcalls() {
    }

    /**
     * A handle that takes the capture segment as its first argument.
     *
     * @param library    where to look the function up ({@link #library})
     * @param name       the function
     * @param descriptor its signature
     * @param options    further linker options (for example {@code firstVariadicArg})
     * @return the handle, or empty where the library has no such function
     */
    static Optional<MethodHandle> capturingErrno(SymbolLookup library, String name, FunctionDescriptor descriptor,
                                                 Linker.Option... options) {
        Linker.Option[] all = new Linker.Option[options.length + 1];
        all[0] = Linker.Option.captureCallState("errno");
        System.arraycopy(options, 0, all, 1, options.length);
        return library.find(name).map(symbol -> LINKER.downcallHandle(symbol, descriptor, all));
    }

    /**
     * The error for a function a library lacks.
     *
     * @param library the library looked in
     * @param name    the function
     * @return the exception to throw
     */
    static UnsupportedOperationException missing(SymbolLookup library, String name) {
        return new UnsupportedOperationException((library == LIBC ? "the C library" : "the library") + " has no "
                + name + "()");
    }

    /**
     * A lookup of the C library, or of the library at {@code path} (kept loaded for good).
     *
     * @param path a library's path, or {@code null} for the C library
     * @return the lookup
     */
    public static SymbolLookup library(String path) {
        return path == null ? LIBC : SymbolLookup.libraryLookup(java.nio.file.Path.of(path), Arena.global());
    }

    /**
     * A handle whose errno is never read.
     *
     * @param name       the C function
     * @param descriptor its signature
     * @return the handle
     */
    static MethodHandle plain(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LIBC.find(name).orElseThrow(() -> missing(LIBC, name)), descriptor);
    }

    /**
     * Returns this thread's capture segment, to pass as a capturing handle's first argument.
     *
     * @return this thread's capture segment, to pass as a capturing handle's first argument
     */
    static MemorySegment captureState() {
        return CaptureStates.current();
    }

    /** The errno a capturing call stored in {@code state}. */
    static int errno(MemorySegment state) {
        return state.get(JAVA_INT, ERRNO_OFFSET);
    }

    /**
     * Wraps what a downcall can throw; downcalls to C do not throw, so this means a bug.
     *
     * @param t the throwable
     * @return an error to throw
     */
    static AssertionError unexpected(Throwable t) {
        return new AssertionError("a native downcall threw", t);
    }
}
