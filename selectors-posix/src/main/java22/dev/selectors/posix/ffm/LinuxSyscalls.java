package dev.selectors.posix.ffm;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.selectors.posix.OsFamily;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;
import java.util.Locale;

/**
 * The system calls on the per-message path (recvfrom, sendto, epoll_pwait) made through the C
 * library's {@code syscall(2)} instead of its named wrappers, on Linux x86_64 and aarch64.
 *
 * <p>Why: glibc makes {@code recv}, {@code send} and {@code epoll_wait} cancellation points. In a
 * multi-threaded process, and a JVM always is one, each such call switches the thread to
 * asynchronous cancellation before the system call and back after it: two atomic
 * read-modify-writes of the thread's cancellation word (glibc 2.36, Debian 12). The JVM never
 * cancels a thread with {@code pthread_cancel}, so that work buys nothing; measured on this
 * project's machines it is 20 ns per call (154 against 134 ns for a {@code recv} that fails with
 * EAGAIN in a two-thread C program), two or three times per echoed message. {@code syscall(2)}
 * is no cancellation point; it returns -1 and sets errno exactly as the wrappers do.
 *
 * <p>The numbers are the kernel's, per architecture: x86_64 from
 * {@code arch/x86/entry/syscalls/syscall_64.tbl}, aarch64 from the generic table
 * {@code include/uapi/asm-generic/unistd.h} (aarch64 has no epoll_wait, only epoll_pwait, which
 * glibc's epoll_wait calls as well). On other architectures, and with
 * {@code -D}{@value #PROPERTY}{@code =libc}, the C library's wrappers are used.
 *
 * <p>Internal: shared by the FFM bindings of the backend modules.
 */
public final class LinuxSyscalls {

    /** The system property choosing the path: {@code direct} (the default) or {@code libc}. */
    public static final String PROPERTY = "selectors.syscalls";

    /** The numbers of this machine's architecture, or {@code null} where they are not known. */
    private static final Numbers NUMBERS = numbersFor(System.getProperty("os.arch", ""));

    /** Whether recv, send and epoll_wait go through {@link #SYSCALL}. */
    public static final boolean ENABLED = choose();

    /** recvfrom(2). */
    public static final long SYS_RECVFROM = ENABLED ? NUMBERS.recvfrom() : -1;
    /** sendto(2). */
    public static final long SYS_SENDTO = ENABLED ? NUMBERS.sendto() : -1;
    /** epoll_pwait(2). */
    public static final long SYS_EPOLL_PWAIT = ENABLED ? NUMBERS.epollPwait() : -1;

    /**
     * {@code long syscall(long number, ...)} with six arguments after the number, each passed as
     * a {@code long} (glibc's syscall reads all six as longs, and the kernel truncates int
     * arguments itself); the capture segment comes first. {@code null} when not {@link #ENABLED}.
     */
    public static final MethodHandle SYSCALL = ENABLED ? Downcalls.capturingErrno("syscall",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
            Linker.Option.firstVariadicArg(1)) : null;

    private LinuxSyscalls() {
    }

    /**
     * The system call numbers of one architecture.
     *
     * @param recvfrom   recvfrom(2)
     * @param sendto     sendto(2)
     * @param epollPwait epoll_pwait(2)
     */
    record Numbers(long recvfrom, long sendto, long epollPwait) {
    }

    /**
     * The numbers for a value of {@code os.arch}.
     *
     * @param osArch for example {@code amd64} or {@code aarch64}
     * @return the numbers, or {@code null} for an architecture this class does not know
     */
    static Numbers numbersFor(String osArch) {
        switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64":
            case "x86_64":
                return new Numbers(45, 44, 281);
            case "aarch64":
                return new Numbers(207, 206, 22);
            default:
                return null;
        }
    }

    private static boolean choose() {
        String wanted = System.getProperty(PROPERTY, "direct").trim().toLowerCase(Locale.ROOT);
        switch (wanted) {
            case "direct":
                return OsFamily.CURRENT == OsFamily.LINUX && NUMBERS != null;
            case "libc":
                return false;
            default:
                throw new IllegalArgumentException(PROPERTY + "='" + wanted + "' is not a choice; use direct or libc");
        }
    }

    /**
     * How recv, send and epoll_wait reach the kernel, for start lines and benchmarks.
     *
     * @return {@code "direct system calls"} or {@code "C library wrappers"}
     */
    public static String describe() {
        return ENABLED ? "direct system calls" : "C library wrappers";
    }
}
