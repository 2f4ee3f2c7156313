package dev.selectors.posix.ffm;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.selectors.posix.CSymbols;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.util.Map;

/**
 * The C library binding's calls as the C library's named functions, each through a downcall
 * handle of its own, under the symbol a C program compiled on this system would call
 * ({@link CSymbols}): the strategy off Linux, on other architectures, and with
 * {@code -Dselectors.syscalls=libc}. pipe2 and accept4 only where the C library has them.
 */
final class LibCFunctions {

    private static final FunctionDescriptor INT_INT = FunctionDescriptor.of(JAVA_INT, JAVA_INT);
    private static final FunctionDescriptor INT_INT_INT = FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT);
    private static final FunctionDescriptor INT_INT_INT_INT =
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);
    private static final FunctionDescriptor SSIZE_INT_PTR_SIZE =
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG);
    private static final FunctionDescriptor SSIZE_INT_PTR_SIZE_INT =
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT);
    private static final FunctionDescriptor INT_INT_PTR_LEN =
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_INT);
    private static final FunctionDescriptor INT_INT_PTR_PTR =
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG);

    /** Each function's C signature (pointers as addresses, see {@link Downcalls}). */
    private static final Map<String, FunctionDescriptor> SIGNATURES = Map.ofEntries(
            Map.entry("close", INT_INT),
            Map.entry("pipe", FunctionDescriptor.of(JAVA_INT, JAVA_LONG)),
            Map.entry("pipe2", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT)),
            Map.entry("fcntl", INT_INT_INT_INT),
            Map.entry("read", SSIZE_INT_PTR_SIZE),
            Map.entry("write", SSIZE_INT_PTR_SIZE),
            Map.entry("recv", SSIZE_INT_PTR_SIZE_INT),
            Map.entry("send", SSIZE_INT_PTR_SIZE_INT),
            Map.entry("socket", INT_INT_INT_INT),
            Map.entry("socketpair", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG)),
            Map.entry("bind", INT_INT_PTR_LEN),
            Map.entry("connect", INT_INT_PTR_LEN),
            Map.entry("listen", INT_INT_INT),
            Map.entry("accept", INT_INT_PTR_PTR),
            Map.entry("accept4", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT)),
            Map.entry("shutdown", INT_INT_INT),
            Map.entry("getsockname", INT_INT_PTR_PTR),
            Map.entry("getpeername", INT_INT_PTR_PTR),
            Map.entry("setsockopt", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG,
                    JAVA_INT)),
            Map.entry("getsockopt", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG,
                    JAVA_LONG)));

    private LibCFunctions() {
    }

    /**
     * Links a C library function.
     *
     * @param function the function's name
     * @return its call, or {@code null} where the C library has no such function
     */
    static Downcall link(String function) {
        // fcntl is variadic after its command: its third argument goes where a variadic int goes.
        Linker.Option[] options = function.equals("fcntl")
                ? new Linker.Option[] {Linker.Option.firstVariadicArg(2)} : new Linker.Option[0];
        return Downcall.ifPresent(CSymbols.of(function), SIGNATURES.get(function), options);
    }
}
