package dev.selectors.posix.ffm;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.selectors.posix.OsFamily;
import dev.selectors.posix.SyscallNumbers;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Every system call the Linux bindings make, through the C library's {@code syscall(2)} instead
 * of its named wrappers, on Linux x86_64 and aarch64: one downcall handle for all of them.
 *
 * <p>Why, on the per-message path: glibc makes {@code recv}, {@code send} and
 * {@code epoll_wait} cancellation points. In a multi-threaded process, and a JVM always is one,
 * each such call switches the thread to asynchronous cancellation before the system call and
 * back after it: two atomic read-modify-writes of the thread's cancellation word (glibc 2.36,
 * Debian 12). The JVM never cancels a thread with {@code pthread_cancel}, so that work buys
 * nothing; measured on this project's machines it is 20 ns per call (154 against 134 ns for a
 * {@code recv} that fails with EAGAIN in a two-thread C program), two or three times per echoed
 * message. {@code syscall(2)} is no cancellation point; it returns -1 and sets errno exactly as
 * the wrappers do.
 *
 * <p>Why for every other call too: the FFM linker generates and loads classes for each distinct
 * C signature it links, and keeps them; with one signature for all calls, a server links one
 * handle instead of about twenty, which is several megabytes less resident memory (BENCHMARKS.md,
 * "Memory with 1,000 idle connections"). The calls used here are thin wrappers in glibc: the
 * same system call with the same arguments.
 *
 * <p>The numbers are data of their own: {@link SyscallNumbers} for the C library's calls, and
 * epoll's in {@code selectors-linux}. On architectures they do not list, and with
 * {@code -D}{@value #PROPERTY}{@code =libc}, the C library's wrappers are used.
 *
 * <p>Internal: shared by the FFM bindings of the backend modules.
 */
public final class LinuxSyscalls {

    /** The system property choosing the path: {@code direct} (the default) or {@code libc}. */
    public static final String PROPERTY = "selectors.syscalls";

    /** Whether the Linux bindings make their system calls through {@link #SYSCALL}. */
    public static final boolean ENABLED = choose();

    /**
     * {@code long syscall(long number, ...)} with six arguments after the number, each passed as
     * a {@code long} (glibc's syscall reads all six as longs, and the kernel truncates int
     * arguments itself); the capture segment comes first. {@code null} when not {@link #ENABLED}.
     * Each call is a {@link Downcall} of it with its number ({@link #linker}).
     */
    private static final MethodHandle SYSCALL = ENABLED ? linkSyscall() : null;

    private LinuxSyscalls() {
    }

    private static MethodHandle linkSyscall() {
        SymbolLookup libc = Downcalls.library(null);
        return Downcalls.capturingErrno(libc, "syscall", FunctionDescriptor.of(JAVA_LONG,
                        JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
                Linker.Option.firstVariadicArg(1)).orElseThrow(() -> Downcalls.missing(libc, "syscall"));
    }

    private static boolean choose() {
        String wanted = System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT);
        switch (wanted) {
            case "": // unset, or set to nothing by a script: the default
            case "direct":
                return OsFamily.CURRENT == OsFamily.LINUX && SyscallNumbers.forArch(System.getProperty("os.arch", "")) != null;
            case "libc":
                return false;
            default:
                throw new IllegalArgumentException(PROPERTY + "='" + wanted + "' is not a choice; use direct or libc");
        }
    }

    /**
     * A binding's system calls, one {@link Downcall} each through the one handle; only when
     * {@link #ENABLED}.
     *
     * @param numbers  the architecture's numbers by system call name ({@link SyscallNumbers}, or
     *                 epoll's in selectors-linux)
     * @param calledAs the system call that serves a C function of another name (recv: recvfrom)
     * @return a C function's name to its call, or to {@code null} where {@code numbers} has none
     */
    public static Function<String, Downcall> linker(Map<String, Long> numbers, Map<String, String> calledAs) {
        return function -> {
            String call = calledAs.getOrDefault(function, function);
            Long number = numbers.get(call);
            return number == null ? null : new Downcall(call, number, SYSCALL);
        };
    }
}
