package dev.selectors.bsd;

/**
 * Where a kqueue binding links its two calls from, decided once per JVM: the library, the
 * symbol a C program on the system calls for {@code kevent}, and the width of its counts.
 *
 * <p>Internal: the bindings' constructor argument.
 *
 * @param path         an emulation library's path in tests, or {@code null} for the C library
 * @param keventSymbol {@code kevent}, {@code __kevent50} or {@code __kevent100}
 * @param sizeCounts   whether kevent's counts are {@code size_t} (NetBSD) rather than {@code int}
 */
public record KqueueLibrary(String path, String keventSymbol, boolean sizeCounts) {
}
