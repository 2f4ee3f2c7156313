package dev.selectors.linux.ffm;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.selectors.posix.ffm.Downcall;
import java.lang.foreign.FunctionDescriptor;
import java.util.Map;

/**
 * epoll and eventfd as the C library's functions, each through a handle of its own: where the
 * C library binding does not make system calls directly. epoll_pwait2 only where the C library
 * has it (glibc 2.35).
 */
final class EpollFunctions {

    /** Each function's C signature (pointers as addresses). */
    private static final Map<String, FunctionDescriptor> SIGNATURES = Map.of(
            "epoll_create1", FunctionDescriptor.of(JAVA_INT, JAVA_INT),
            "epoll_ctl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG),
            "epoll_wait", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_INT),
            "epoll_pwait2", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG),
            "eventfd", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));

    private EpollFunctions() {
    }

    /**
     * Links an epoll or eventfd function of the C library.
     *
     * @param function the function's name
     * @return its call; {@code null} only for epoll_pwait2, where the C library lacks it
     */
    static Downcall link(String function) {
        return function.equals("epoll_pwait2") ? Downcall.ifPresent(function, SIGNATURES.get(function))
                : Downcall.of(function, SIGNATURES.get(function));
    }
}
