package dev.selectors.posix;

import java.util.Locale;

/**
 * The symbol a C program compiled on this system calls for a C library function: some systems'
 * headers rename functions whose ABI changed, and a binding that looks up the plain name gets
 * the old ABI. NetBSD renames {@code socket} to {@code __socket30} and {@code select} to
 * {@code __select50} (64-bit {@code time_t} in {@code struct timeval}); macOS on x86_64 renames
 * {@code select} to {@code select$1050} (the fd_set-size-checking variant), and we take its
 * {@code close$NOCANCEL} as Rust's libc does; illumos's headers
 * select the XPG (UNIX 98) entry points {@code __xnet_socket}, {@code __xnet_bind},
 * {@code __xnet_connect}, {@code __xnet_socketpair} and {@code __xnet_getsockopt}, which Solaris's
 * C library exports too. {@code CSymbolsTest} checks this table against Rust's libc crate.
 */
public final class CSymbols {

    private CSymbols() {
    }

    /**
     * The symbol for a function on the running system.
     *
     * @param function the C function's name, e.g. {@code socket}
     * @return the symbol to look up
     */
    public static String of(String function) {
        return of(OsFamily.CURRENT, System.getProperty("os.arch", ""), function);
    }

    /**
     * The symbol for a function on a given system.
     *
     * @param os       the system
     * @param osArch   its {@code os.arch}, e.g. {@code amd64}, {@code x86_64} or {@code aarch64}
     * @param function the C function's name
     * @return the symbol to look up
     */
    public static String of(OsFamily os, String osArch, String function) {
        switch (os) {
            case NETBSD:
                if (function.equals("socket")) {
                    return "__socket30";
                }
                return function.equals("select") ? "__select50" : function;
            case DARWIN:
                String arch = osArch.toLowerCase(Locale.ROOT);
                boolean x86 = arch.equals("amd64") || arch.equals("x86_64");
                if (x86 && function.equals("close")) {
                    // Not what a C program calls by default, but what Rust's libc binds: the
                    // non-cancelable close, which never fails with EINTR leaving the fd's fate unknown.
                    return "close$NOCANCEL";
                }
                return x86 && function.equals("select") ? "select$1050" : function;
            case SOLARIS:
                switch (function) {
                    case "socket":
                    case "bind":
                    case "connect":
                    case "socketpair":
                    case "getsockopt":
                        return "__xnet_" + function;
                    default:
                        return function;
                }
            default:
                return function;
        }
    }
}
