package dev.selectors.posix;

import java.util.Locale;
import java.util.Map;

/**
 * Linux system call numbers of the calls the C library binding can make directly (FFM, see
 * the README's "Direct system calls"), per architecture: x86_64 from
 * {@code arch/x86/entry/syscalls/syscall_64.tbl}, aarch64 from the generic table
 * {@code include/uapi/asm-generic/unistd.h}. aarch64 has neither poll nor select, so those stay
 * C library calls everywhere. The epoll and eventfd numbers live with epoll, in
 * {@code selectors-linux}. Data only; checked against Go's x/sys and Rust's libc by
 * {@code LinuxAbiIndependentTest}.
 */
public final class SyscallNumbers {

    private SyscallNumbers() {
    }

    /**
     * The numbers of one architecture, by the kernel's names.
     *
     * @param osArch {@code os.arch}: {@code amd64}, {@code x86_64} or {@code aarch64}
     * @return the numbers, or {@code null} for an architecture not listed here
     */
    public static Map<String, Long> forArch(String osArch) {
        switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64":
            case "x86_64":
                return Map.ofEntries(Map.entry("read", 0L), Map.entry("write", 1L), Map.entry("close", 3L),
                        Map.entry("fcntl", 72L), Map.entry("pipe2", 293L), Map.entry("socket", 41L),
                        Map.entry("socketpair", 53L), Map.entry("bind", 49L), Map.entry("connect", 42L),
                        Map.entry("listen", 50L), Map.entry("accept4", 288L), Map.entry("shutdown", 48L),
                        Map.entry("getsockname", 51L), Map.entry("getpeername", 52L), Map.entry("setsockopt", 54L),
                        Map.entry("getsockopt", 55L), Map.entry("recvfrom", 45L), Map.entry("sendto", 44L));
            case "aarch64":
                return Map.ofEntries(Map.entry("read", 63L), Map.entry("write", 64L), Map.entry("close", 57L),
                        Map.entry("fcntl", 25L), Map.entry("pipe2", 59L), Map.entry("socket", 198L),
                        Map.entry("socketpair", 199L), Map.entry("bind", 200L), Map.entry("connect", 203L),
                        Map.entry("listen", 201L), Map.entry("accept4", 242L), Map.entry("shutdown", 210L),
                        Map.entry("getsockname", 204L), Map.entry("getpeername", 205L), Map.entry("setsockopt", 208L),
                        Map.entry("getsockopt", 209L), Map.entry("recvfrom", 207L), Map.entry("sendto", 206L));
            default:
                return null;
        }
    }
}
