package dev.selectors.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selectors.posix.abi.ForeignSystem;
import dev.selectors.posix.abi.GoUnix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every number the POSIX layer passes to a kernel, on every system we claim, checked against Go's
 * x/sys/unix (generated on each real system from its headers): PosixConstants and Errno as their
 * initialisers compute them for that system, errno names, and the sockaddr sizes. A value Go does
 * not have is allowed only where it is listed below with the reason.
 */
class PosixAbiTest {

    /** Our values that are not the system's constant on purpose. */
    private static final Map<String, String> NOT_THE_SYSTEMS = Map.of(
            "MSG_NOSIGNAL", "0 off Linux: the JVM ignores SIGPIPE, so sends need no flag",
            "SO_REUSEPORT", "-1 where the system lacks it (illumos before 2023)");

    /** Our names that are not C constants, checked otherwise. */
    private static final List<String> NOT_IN_THE_HEADERS = List.of("FD_SETSIZE", "FD_SET_WORD_BYTES");

    static Stream<Arguments> systems() {
        List<Arguments> systems = new ArrayList<>();
        for (OsFamily family : OsFamily.values()) {
            if (family == OsFamily.OTHER) {
                continue;
            }
            for (String arch : new String[] {"amd64", "arm64"}) {
                systems.add(Arguments.of(family, arch));
            }
        }
        return systems.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("systems")
    void posixConstantsAreTheSystemsOwn(OsFamily family, String arch) {
        GoUnix go = goOrSkip(family, arch);
        Map<String, Long> ours = ForeignSystem.of(family).constants(PosixConstants.class.getName());
        List<String> compared = new ArrayList<>();
        for (Map.Entry<String, Long> constant : ours.entrySet()) {
            String name = constant.getKey();
            long value = constant.getValue();
            if (NOT_IN_THE_HEADERS.contains(name)) {
                continue;
            }
            OptionalLong theirs = go.constant(name);
            if ((value == 0 || value == -1) && NOT_THE_SYSTEMS.containsKey(name)) {
                continue;
            }
            assertTrue(theirs.isPresent(), name + " = " + value + " on " + family + ": " + go + " has no such constant");
            assertEquals(theirs.getAsLong(), value, name + " on " + family + " (" + go + ")");
            compared.add(name);
        }
        // fd_set: FD_SETSIZE bits in words of FD_SET_WORD_BYTES (Go: struct FdSet { Bits [N]intW }).
        assertEquals(go.sizeof("FdSet") * 8, (long) ours.get("FD_SETSIZE"), "FD_SETSIZE on " + family);
        assertEquals(go.elementSize("FdSet", "Bits"), (long) ours.get("FD_SET_WORD_BYTES"),
                "FD_SET_WORD_BYTES on " + family);
        System.out.println(family + " " + arch + ": " + compared.size() + " POSIX constants equal " + go);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("systems")
    void errnoNumbersAndNamesAreTheSystemsOwn(OsFamily family, String arch) {
        GoUnix go = goOrSkip(family, arch);
        ForeignSystem system = ForeignSystem.of(family);
        int compared = 0;
        for (Map.Entry<String, Long> constant : system.constants(Errno.class.getName()).entrySet()) {
            OptionalLong theirs = go.constant(constant.getKey());
            assertTrue(theirs.isPresent(), constant.getKey() + " on " + family + ": " + go + " has no such errno");
            assertEquals(theirs.getAsLong(), (long) constant.getValue(), constant.getKey() + " on " + family);
            compared++;
        }
        for (int errno = 1; errno < 200; errno++) {
            String name = (String) system.call(Errno.class.getName(), "name", new Class<?>[] {OsFamily.class, int.class},
                    family, errno);
            if (name.startsWith("errno ")) {
                continue;
            }
            OptionalLong theirs = go.constant(name);
            assertTrue(theirs.isPresent(), "errno " + errno + " is " + name + " on " + family + " to us; " + go
                    + " has no such errno");
            assertEquals(theirs.getAsLong(), errno, "the name of errno " + errno + " on " + family + " (ours: " + name + ")");
            compared++;
        }
        System.out.println(family + " " + arch + ": " + compared + " errno numbers and names equal " + go);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("systems")
    void socketAddressSizesAreTheSystemsOwn(OsFamily family, String arch) {
        GoUnix go = goOrSkip(family, arch);
        Map<String, Long> ours = ForeignSystem.of(family).constants(SocketAddresses.class.getName());
        assertEquals(go.sizeof("RawSockaddrInet4"), (long) ours.get("IN_SIZE"), "sizeof(struct sockaddr_in) on " + family);
        assertEquals(go.sizeof("RawSockaddrInet6"), (long) ours.get("IN6_SIZE"), "sizeof(struct sockaddr_in6) on " + family);
    }

    private static GoUnix goOrSkip(OsFamily family, String arch) {
        String os = ForeignSystem.goName(family);
        Assumptions.assumeTrue(GoUnix.has(os, arch), () -> "x/sys/unix has no files for " + os + "/" + arch);
        return GoUnix.of(os, arch);
    }
}
