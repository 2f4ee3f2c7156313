package dev.selectors.solaris;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selectors.posix.abi.GoUnix;
import dev.selectors.posix.abi.RustLibc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The event-port layout and constants checked against Go's x/sys/unix (generated on illumos by
 * cgo -godefs) and Rust's libc crate. /dev/poll's {@code DP_POLL}, {@code POLLREMOVE} and
 * {@code struct dvpoll} are in neither (README: checked against illumos's sys/devpoll.h only);
 * this test also checks that they are indeed absent, so the README's claim stays true.
 */
class SolarisAbiIndependentTest {

    @Test
    void portEventIsTheSystemsStruct() {
        GoUnix go = GoUnix.of("solaris", "amd64");
        Map<String, Long> offsets = go.offsets("portEvent");
        assertEquals(go.sizeof("portEvent"), SolarisAbi.PORT_EVENT_SIZE, "sizeof(port_event_t), " + go);
        assertEquals(offsets.get("Events"), SolarisAbi.PORTEV_EVENTS, "portev_events, " + go);
        assertEquals(offsets.get("Source"), SolarisAbi.PORTEV_SOURCE, "portev_source, " + go);
        assertEquals(offsets.get("Pad"), SolarisAbi.PORTEV_PAD, "portev_pad, " + go);
        assertEquals(offsets.get("Object"), SolarisAbi.PORTEV_OBJECT, "portev_object, " + go);
        assertEquals(offsets.get("User"), SolarisAbi.PORTEV_USER, "portev_user, " + go);

        RustLibc rust = RustLibc.installed();
        Map<String, Long> layout = rust.layout("unix/solarish/mod.rs", "port_event");
        assertEquals(layout.get(null), SolarisAbi.PORT_EVENT_SIZE, "sizeof(port_event_t), " + rust);
        assertEquals(layout.get("portev_object"), SolarisAbi.PORTEV_OBJECT, "portev_object, " + rust);
        assertEquals(layout.get("portev_user"), SolarisAbi.PORTEV_USER, "portev_user, " + rust);
    }

    @Test
    void theConstantsAreTheSystemsOwn() {
        GoUnix go = GoUnix.of("solaris", "amd64");
        assertEquals(go.constant("PORT_SOURCE_USER").getAsLong(), SolarisAbi.PORT_SOURCE_USER, go.toString());
        assertEquals(go.constant("PORT_SOURCE_FD").getAsLong(), SolarisAbi.PORT_SOURCE_FD, go.toString());
        assertEquals(go.constant("O_RDWR").getAsLong(), SolarisAbi.O_RDWR, go.toString());
        assertEquals(go.constant("ETIME").getAsLong(), SolarisAbi.ETIME, go.toString());
        RustLibc rust = RustLibc.installed();
        assertEquals(rust.constant("unix/solarish/mod.rs", "PORT_SOURCE_FD").getAsLong(), SolarisAbi.PORT_SOURCE_FD);
        assertEquals(rust.constant("unix/solarish/mod.rs", "PORT_SOURCE_USER").getAsLong(), SolarisAbi.PORT_SOURCE_USER);
    }

    /**
     * The emulation library has its own copy of these numbers: it is compiled against Go's
     * values (solaris_probe.c's static assertions), so a number wrong in both it and the
     * binding cannot pass.
     */
    @Test
    void theEmulationIsTheSystemsToo() throws IOException, InterruptedException {
        GoUnix go = GoUnix.of("solaris", "amd64");
        Map<String, Long> offsets = go.offsets("portEvent");
        Path cc = Path.of("/usr/bin/cc");
        Assumptions.assumeTrue(Files.isExecutable(cc), "no C compiler (/usr/bin/cc)");
        List<String> command = new ArrayList<>(List.of(cc.toString(), "-fsyntax-only", "-Wall", "-Werror"));
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("PORT_EVENT_SIZE", go.sizeof("portEvent"));
        expected.put("PORTEV_EVENTS", offsets.get("Events"));
        expected.put("PORTEV_SOURCE", offsets.get("Source"));
        expected.put("PORTEV_OBJECT", offsets.get("Object"));
        expected.put("PORTEV_USER", offsets.get("User"));
        expected.put("PORT_SOURCE_USER", go.constant("PORT_SOURCE_USER").getAsLong());
        expected.put("PORT_SOURCE_FD", go.constant("PORT_SOURCE_FD").getAsLong());
        expected.put("ETIME", go.constant("ETIME").getAsLong());
        expected.forEach((name, value) -> command.add("-DEXPECT_" + name + "=" + value));
        command.add("src/test/native/solaris_probe.c");
        Process compile = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(compile.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, compile.waitFor(), "the emulation's numbers differ from " + go + ":\n" + output);
    }

    @Test
    void devpollIsInNeitherSource() {
        GoUnix go = GoUnix.of("solaris", "amd64");
        assertFalse(go.constant("DP_POLL").isPresent(), "Go now has DP_POLL: check it here and update the README");
        assertFalse(go.constant("POLLREMOVE").isPresent(), "Go now has POLLREMOVE: check it here and update the README");
        RustLibc rust = RustLibc.installed();
        assertTrue(rust.constant("unix/solarish/mod.rs", "DP_POLL").isEmpty(), "Rust now has DP_POLL");
    }
}
