package dev.selectors.linux;

import java.util.Locale;
import java.util.Map;

/**
 * The system call numbers of epoll and eventfd, for the FFM binding's direct calls (the C
 * library's are in {@link dev.selectors.posix.SyscallNumbers}): x86_64 from
 * {@code arch/x86/entry/syscalls/syscall_64.tbl}, aarch64 from
 * {@code include/uapi/asm-generic/unistd.h}. aarch64 has no epoll_wait, only epoll_pwait, which
 * glibc's epoll_wait calls as well, so epoll_pwait with no signal mask is the wait everywhere.
 * Data only; checked against Go's x/sys and Rust's libc by {@code LinuxAbiIndependentTest}.
 */
public final class EpollSyscallNumbers {

    private EpollSyscallNumbers() {
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
                return Map.of("epoll_create1", 291L, "epoll_ctl", 233L, "epoll_pwait", 281L, "epoll_pwait2", 441L,
                        "eventfd2", 290L);
            case "aarch64":
                return Map.of("epoll_create1", 20L, "epoll_ctl", 21L, "epoll_pwait", 22L, "epoll_pwait2", 441L,
                        "eventfd2", 19L);
            default:
                return null;
        }
    }
}
