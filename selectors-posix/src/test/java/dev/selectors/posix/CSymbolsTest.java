package dev.selectors.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.selectors.posix.abi.RustLibc;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The symbol we bind for each C library function, per system and architecture, checked against
 * the link names Rust's libc crate gives them (from each system's headers): NetBSD's versioned
 * symbols, macOS x86_64's {@code select$1050}, illumos's XPG {@code __xnet_*} entry points.
 */
class CSymbolsTest {

    /** Every C library function the POSIX layer binds by name. */
    private static final List<String> FUNCTIONS = List.of("close", "pipe", "read", "write", "poll", "select", "socket",
            "socketpair", "bind", "connect", "listen", "accept", "recv", "send", "shutdown", "getsockname",
            "getpeername", "setsockopt", "getsockopt", "strerror");

    @ParameterizedTest(name = "{0} {2}")
    @CsvSource({
        "LINUX, linux, x86_64, unix/linux_like/linux/mod.rs",
        "LINUX, linux, aarch64, unix/linux_like/linux/mod.rs",
        "DARWIN, macos, x86_64, unix/bsd/apple/mod.rs",
        "DARWIN, macos, aarch64, unix/bsd/apple/mod.rs",
        "FREEBSD, freebsd, x86_64, unix/bsd/freebsdlike/freebsd/mod.rs",
        "OPENBSD, openbsd, x86_64, unix/bsd/netbsdlike/openbsd/mod.rs",
        "NETBSD, netbsd, x86_64, unix/bsd/netbsdlike/netbsd/mod.rs",
        "NETBSD, netbsd, aarch64, unix/bsd/netbsdlike/netbsd/mod.rs",
        "DRAGONFLY, dragonfly, x86_64, unix/bsd/freebsdlike/dragonfly/mod.rs",
        "SOLARIS, illumos, x86_64, unix/solarish/mod.rs",
    })
    void everySymbolIsTheOneACProgramThereCalls(OsFamily family, String rustOs, String rustArch, String systemModule) {
        RustLibc rust = RustLibc.installed();
        String javaArch = rustArch.equals("x86_64") ? "amd64" : rustArch;
        List<String> modules = List.of(systemModule, parent(systemModule), parent(parent(systemModule)), "unix/mod.rs");
        for (String function : FUNCTIONS) {
            assertEquals(rust.linkName(modules, function, rustOs, rustArch), CSymbols.of(family, javaArch, function),
                    function + " on " + family + " " + rustArch + " (" + rust + ")");
        }
    }

    /** The module one level up: unix/bsd/netbsdlike/netbsd/mod.rs -> unix/bsd/netbsdlike/mod.rs. */
    private static String parent(String module) {
        String directory = module.substring(0, module.lastIndexOf('/'));
        String up = directory.contains("/") ? directory.substring(0, directory.lastIndexOf('/')) : directory;
        return up + "/mod.rs";
    }
}
