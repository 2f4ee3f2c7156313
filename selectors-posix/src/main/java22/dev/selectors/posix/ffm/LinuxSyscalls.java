package dev.selectors.posix.ffm;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.selectors.posix.OsFamily;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.Map;

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
 * <p>The numbers are the kernel's, per architecture: x86_64 from
 * {@code arch/x86/entry/syscalls/syscall_64.tbl}, aarch64 from the generic table
 * {@code include/uapi/asm-generic/unistd.h} (aarch64 has no epoll_wait, only epoll_pwait, which
 * glibc's epoll_wait calls as well; nor poll and select, which therefore stay C library calls
 * everywhere). On other architectures, and with {@code -D}{@value #PROPERTY}{@code =libc}, the
 * C library's wrappers are used.
 *
 * <p>Internal: shared by the FFM bindings of the backend modules.
 */
public final class LinuxSyscalls {

    /** The system property choosing the path: {@code direct} (the default) or {@code libc}. */
    public static final String PROPERTY = "selectors.syscalls";

    /** The numbers of this machine's architecture, or {@code null} where they are not known. */
    private static final Map<String, Long> NUMBERS = numbersFor(System.getProperty("os.arch", ""));

    /** Whether the Linux bindings make their system calls through {@link #call}. */
    public static final boolean ENABLED = choose();

    /** read(2). */
    public static final long SYS_READ = number("read");
    /** write(2). */
    public static final long SYS_WRITE = number("write");
    /** close(2). */
    public static final long SYS_CLOSE = number("close");
    /** fcntl(2). */
    public static final long SYS_FCNTL = number("fcntl");
    /** pipe2(2). */
    public static final long SYS_PIPE2 = number("pipe2");
    /** socket(2). */
    public static final long SYS_SOCKET = number("socket");
    /** socketpair(2). */
    public static final long SYS_SOCKETPAIR = number("socketpair");
    /** bind(2). */
    public static final long SYS_BIND = number("bind");
    /** connect(2). */
    public static final long SYS_CONNECT = number("connect");
    /** listen(2). */
    public static final long SYS_LISTEN = number("listen");
    /** accept4(2). */
    public static final long SYS_ACCEPT4 = number("accept4");
    /** shutdown(2). */
    public static final long SYS_SHUTDOWN = number("shutdown");
    /** getsockname(2). */
    public static final long SYS_GETSOCKNAME = number("getsockname");
    /** getpeername(2). */
    public static final long SYS_GETPEERNAME = number("getpeername");
    /** setsockopt(2). */
    public static final long SYS_SETSOCKOPT = number("setsockopt");
    /** getsockopt(2). */
    public static final long SYS_GETSOCKOPT = number("getsockopt");
    /** recvfrom(2), what recv(2) is. */
    public static final long SYS_RECVFROM = number("recvfrom");
    /** sendto(2), what send(2) is. */
    public static final long SYS_SENDTO = number("sendto");
    /** epoll_create1(2). */
    public static final long SYS_EPOLL_CREATE1 = number("epoll_create1");
    /** epoll_ctl(2). */
    public static final long SYS_EPOLL_CTL = number("epoll_ctl");
    /** epoll_pwait(2), what glibc's epoll_wait calls. */
    public static final long SYS_EPOLL_PWAIT = number("epoll_pwait");
    /** epoll_pwait2(2), Linux 5.11+: a timespec timeout (ENOSYS on older kernels). */
    public static final long SYS_EPOLL_PWAIT2 = number("epoll_pwait2");
    /** eventfd2(2), what glibc's eventfd calls. */
    public static final long SYS_EVENTFD2 = number("eventfd2");

    /**
     * {@code long syscall(long number, ...)} with six arguments after the number, each passed as
     * a {@code long} (glibc's syscall reads all six as longs, and the kernel truncates int
     * arguments itself); the capture segment comes first. {@code null} when not {@link #ENABLED}.
     * The per-message calls (recv, send, epoll_wait) invoke it directly rather than through
     * {@link #call}: C2 must inline the whole downcall, whose check of the capture segment
     * allocates a slice unless inlined, and two more call levels put it past C2's inlining
     * depth limit in the echo server (a young collection every few seconds, 100-190 more
     * instructions per message under callgrind).
     */
    public static final MethodHandle SYSCALL = ENABLED ? Downcalls.capturingErrno("syscall",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
            Linker.Option.firstVariadicArg(1)) : null;

    private LinuxSyscalls() {
    }

    /**
     * The system call numbers of one architecture, by the kernel's names.
     *
     * @param osArch for example {@code amd64} or {@code aarch64}
     * @return the numbers, or {@code null} for an architecture this class does not know
     */
    static Map<String, Long> numbersFor(String osArch) {
        switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64":
            case "x86_64":
                return Map.ofEntries(Map.entry("read", 0L), Map.entry("write", 1L), Map.entry("close", 3L),
                        Map.entry("fcntl", 72L), Map.entry("pipe2", 293L), Map.entry("socket", 41L),
                        Map.entry("socketpair", 53L), Map.entry("bind", 49L), Map.entry("connect", 42L),
                        Map.entry("listen", 50L), Map.entry("accept4", 288L), Map.entry("shutdown", 48L),
                        Map.entry("getsockname", 51L), Map.entry("getpeername", 52L), Map.entry("setsockopt", 54L),
                        Map.entry("getsockopt", 55L), Map.entry("recvfrom", 45L), Map.entry("sendto", 44L),
                        Map.entry("epoll_create1", 291L), Map.entry("epoll_ctl", 233L), Map.entry("epoll_pwait", 281L),
                        Map.entry("epoll_pwait2", 441L), Map.entry("eventfd2", 290L));
            case "aarch64":
                return Map.ofEntries(Map.entry("read", 63L), Map.entry("write", 64L), Map.entry("close", 57L),
                        Map.entry("fcntl", 25L), Map.entry("pipe2", 59L), Map.entry("socket", 198L),
                        Map.entry("socketpair", 199L), Map.entry("bind", 200L), Map.entry("connect", 203L),
                        Map.entry("listen", 201L), Map.entry("accept4", 242L), Map.entry("shutdown", 210L),
                        Map.entry("getsockname", 204L), Map.entry("getpeername", 205L), Map.entry("setsockopt", 208L),
                        Map.entry("getsockopt", 209L), Map.entry("recvfrom", 207L), Map.entry("sendto", 206L),
                        Map.entry("epoll_create1", 20L), Map.entry("epoll_ctl", 21L), Map.entry("epoll_pwait", 22L),
                        Map.entry("epoll_pwait2", 441L), Map.entry("eventfd2", 19L));
            default:
                return null;
        }
    }

    private static long number(String name) {
        return ENABLED ? NUMBERS.get(name) : -1;
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
     * Makes a system call; only when {@link #ENABLED}.
     *
     * @param number one of the {@code SYS_} constants
     * @param a      the first argument (ints and pointers alike as {@code long})
     * @param b      the second, 0 when the call takes fewer
     * @param c      the third
     * @param d      the fourth
     * @param e      the fifth
     * @param f      the sixth
     * @return the result, or minus errno
     */
    public static long call(long number, long a, long b, long c, long d, long e, long f) {
        MemorySegment state = Downcalls.captureState();
        try {
            long r = (long) SYSCALL.invokeExact(state, number, a, b, c, d, e, f);
            return r < 0 ? -Downcalls.errno(state) : r;
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    /**
     * {@link #call(long, long, long, long, long, long, long)} with one argument.
     *
     * @param number the call
     * @param a      its argument
     * @return the result, or minus errno
     */
    public static long call(long number, long a) {
        return call(number, a, 0, 0, 0, 0, 0);
    }

    /**
     * {@link #call(long, long, long, long, long, long, long)} with two arguments.
     *
     * @param number the call
     * @param a      the first argument
     * @param b      the second
     * @return the result, or minus errno
     */
    public static long call(long number, long a, long b) {
        return call(number, a, b, 0, 0, 0, 0);
    }

    /**
     * {@link #call(long, long, long, long, long, long, long)} with three arguments.
     *
     * @param number the call
     * @param a      the first argument
     * @param b      the second
     * @param c      the third
     * @return the result, or minus errno
     */
    public static long call(long number, long a, long b, long c) {
        return call(number, a, b, c, 0, 0, 0);
    }

    /**
     * {@link #call(long, long, long, long, long, long, long)} with four arguments.
     *
     * @param number the call
     * @param a      the first argument
     * @param b      the second
     * @param c      the third
     * @param d      the fourth
     * @return the result, or minus errno
     */
    public static long call(long number, long a, long b, long c, long d) {
        return call(number, a, b, c, d, 0, 0);
    }

    /**
     * How the Linux bindings reach the kernel, for start lines and benchmarks.
     *
     * @return {@code "direct system calls"} or {@code "C library wrappers"}
     */
    public static String describe() {
        return ENABLED ? "direct system calls" : "C library wrappers";
    }
}
