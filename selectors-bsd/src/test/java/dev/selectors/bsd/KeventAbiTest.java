package dev.selectors.bsd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selectors.posix.abi.GoUnix;
import dev.selectors.posix.abi.RustLibc;
import java.io.IOException;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code struct kevent} layout and kqueue constant we use, checked against two sources
 * that owe nothing to ours: Go's x/sys/unix (generated on each system by cgo -godefs from its
 * headers) and Rust's libc crate (for FreeBSD 11's struct, which Go no longer has, and for the
 * C types of kevent's parameters). Our emulation libraries are built from our own numbers, so
 * only this catches a wrong one. NetBSD 11's {@code ext[4]} and NetBSD's {@code EVFILT_USER}
 * are in neither source (README: checked against NetBSD's sys/event.h only).
 */
class KeventAbiTest {

    private static final String RUST_BSD = "unix/bsd/";

    /** Our layout, Go's system, Rust's struct module and Rust's kevent(2) module. */
    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of(KeventLayout.MACOS, "darwin", "apple/mod.rs", "apple/mod.rs"),
                Arguments.of(KeventLayout.FREEBSD11, null, "freebsdlike/freebsd/freebsd11/mod.rs", "freebsdlike/mod.rs"),
                Arguments.of(KeventLayout.FREEBSD12, "freebsd", "freebsdlike/freebsd/freebsd12/mod.rs", "freebsdlike/mod.rs"),
                Arguments.of(KeventLayout.OPENBSD, "openbsd", "netbsdlike/openbsd/mod.rs", "netbsdlike/openbsd/mod.rs"),
                Arguments.of(KeventLayout.NETBSD9, "netbsd", "netbsdlike/netbsd/mod.rs", "netbsdlike/netbsd/mod.rs"),
                Arguments.of(KeventLayout.NETBSD10, "netbsd", "netbsdlike/netbsd/mod.rs", "netbsdlike/netbsd/mod.rs"),
                Arguments.of(KeventLayout.DRAGONFLY, "dragonfly", "freebsdlike/dragonfly/mod.rs", "freebsdlike/mod.rs"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void theLayoutIsTheSystemsStruct(KeventLayout layout, String goOs, String rustStruct, String rustFunction) {
        RustLibc rust = RustLibc.installed();
        Map<String, Long> theirs = rust.layout(RUST_BSD + rustStruct, "kevent");
        assertOffsets(layout, theirs.get(null), theirs.get("filter"), theirs.get("flags"), theirs.get("fflags"),
                theirs.get("data"), theirs.get("udata"), rust + " " + rustStruct);
        if (goOs != null) {
            for (String arch : new String[] {"amd64", "arm64"}) {
                if (GoUnix.has(goOs, arch)) {
                    GoUnix go = GoUnix.of(goOs, arch);
                    Map<String, Long> offsets = go.offsets("Kevent_t");
                    assertOffsets(layout, go.sizeof("Kevent_t"), offsets.get("Filter"), offsets.get("Flags"),
                            offsets.get("Fflags"), offsets.get("Data"), offsets.get("Udata"), go.toString());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void keventsCountsHaveTheSystemsType(KeventLayout layout, String goOs, String rustStruct, String rustFunction) {
        RustLibc rust = RustLibc.installed();
        for (String parameter : new String[] {"nchanges", "nevents"}) {
            String type = rust.parameterType(RUST_BSD + rustFunction, "kevent", parameter);
            assertEquals(layout.sizeCounts() ? "::size_t" : "::c_int", type,
                    layout.name() + ": kevent's " + parameter + " in " + rust + " " + rustFunction);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void theConstantsAreTheSystemsOwn(KeventLayout layout, String goOs, String rustStruct, String rustFunction) {
        Assumptions.assumeTrue(goOs != null, () -> layout.name() + ": Go's x/sys has no FreeBSD 11 files");
        GoUnix go = GoUnix.of(goOs, "amd64");
        assertConstant(go, "EVFILT_READ", layout.evfiltRead(), layout);
        assertConstant(go, "EVFILT_WRITE", layout.evfiltWrite(), layout);
        if (layout.evfiltUser() != 0 && go.constant("EVFILT_USER").isPresent()) {
            assertConstant(go, "EVFILT_USER", layout.evfiltUser(), layout);
            assertConstant(go, "NOTE_TRIGGER", KeventLayout.NOTE_TRIGGER, layout);
        }
        assertConstant(go, "EV_ADD", KeventLayout.EV_ADD, layout);
        assertConstant(go, "EV_DELETE", KeventLayout.EV_DELETE, layout);
        assertConstant(go, "EV_CLEAR", KeventLayout.EV_CLEAR, layout);
        assertConstant(go, "EV_ERROR", KeventLayout.EV_ERROR, layout);
        assertConstant(go, "EV_EOF", KeventLayout.EV_EOF, layout);
    }

    /**
     * The emulation library is built from its own copy of the numbers: it must match the
     * independent sources too, or a wrong number shared by it and the binding would pass.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void theEmulationIsTheSystemsToo(KeventLayout layout, String goOs, String rustStruct, String rustFunction)
            throws IOException, InterruptedException {
        RustLibc rust = RustLibc.installed();
        Map<String, Long> emulation = KqueueEmulation.probe(layout);
        Map<String, Long> theirs = rust.layout(RUST_BSD + rustStruct, "kevent");
        String source = "the emulation built for " + layout.name() + " vs " + rust;
        assertEquals(theirs.get(null), emulation.get("size"), "sizeof(struct kevent), " + source);
        for (String field : new String[] {"filter", "flags", "fflags", "data", "udata"}) {
            assertEquals(theirs.get(field), emulation.get(field), field + ", " + source);
        }
        String counts = rust.parameterType(RUST_BSD + rustFunction, "kevent", "nchanges");
        assertEquals(counts.equals("::size_t") ? 8L : 4L, emulation.get("count_bytes"), "kevent's counts, " + source);
        if (goOs != null) {
            GoUnix go = GoUnix.of(goOs, "amd64");
            for (String name : new String[] {"EVFILT_READ", "EVFILT_WRITE", "EVFILT_USER", "NOTE_TRIGGER", "EV_ADD",
                "EV_DELETE", "EV_CLEAR", "EV_ERROR", "EV_EOF"}) {
                if (emulation.containsKey(name) && go.constant(name).isPresent()) {
                    assertEquals(go.constant(name).getAsLong(), emulation.get(name), name + ", the emulation vs " + go);
                }
            }
        }
    }

    @Test
    void freeBsd11sUserFilterIsRustsToo() {
        RustLibc rust = RustLibc.installed();
        OptionalLong user = rust.constant(RUST_BSD + "freebsdlike/freebsd/mod.rs", "EVFILT_USER");
        assertTrue(user.isPresent());
        assertEquals(user.getAsLong(), KeventLayout.FREEBSD11.evfiltUser());
    }

    private static void assertOffsets(KeventLayout layout, long size, long filter, long flags, long fflags, long data,
                                      long udata, String source) {
        assertEquals(size, layout.size(), layout.name() + " sizeof(struct kevent), " + source);
        assertEquals(filter, layout.filterOffset(), layout.name() + " filter, " + source);
        assertEquals(flags, layout.flagsOffset(), layout.name() + " flags, " + source);
        assertEquals(fflags, layout.fflagsOffset(), layout.name() + " fflags, " + source);
        assertEquals(data, layout.dataOffset(), layout.name() + " data, " + source);
        assertEquals(udata, layout.udataOffset(), layout.name() + " udata, " + source);
    }

    private static void assertConstant(GoUnix go, String name, long ours, KeventLayout layout) {
        OptionalLong theirs = go.constant(name);
        assertTrue(theirs.isPresent(), go + " has no " + name);
        assertEquals(theirs.getAsLong(), ours, layout.name() + " " + name + " (" + go + ")");
    }
}
