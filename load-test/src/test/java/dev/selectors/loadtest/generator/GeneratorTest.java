package dev.selectors.loadtest.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selectors.echo.EchoServer;
import dev.selectors.echo.ServerConfig;
import dev.selectors.loadtest.report.Reports;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The generator against our echo server and against deliberately broken ones, on loopback only. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GeneratorTest {

    private static Scenario scenario(int port, int connections, String sizes, int pipeline, double rate) {
        Load load = rate > 0 ? new Load(Load.Mode.OPEN_LOOP, connections, SizeRange.parse(sizes), 1, rate)
                : pipeline == 1 ? Load.pingPong(connections, SizeRange.parse(sizes))
                : new Load(Load.Mode.PIPELINE, connections, SizeRange.parse(sizes), pipeline, 0);
        return new Scenario(new Target("127.0.0.1", port), load, Duration.ofMillis(200), Duration.ofMillis(1500), 0, 2,
                "auto", Scenario.DEFAULT_SPIN);
    }

    @Test
    void aShortRunAgainstOurEchoServerHasNoErrors() throws Exception {
        try (EchoServer server = EchoServer.start(ServerConfig.defaults().withPort(0), System.err)) {
            for (Scenario scenario : new Scenario[] {
                scenario(server.port(), 4, "1-70000", 1, 0),
                scenario(server.port(), 10, "64", 8, 0),
                scenario(server.port(), 10, "256", 1, 2000),
            }) {
                RunResult result = Generator.run(scenario, null, null);
                assertEquals(0, result.totalErrors(), scenario.describe() + ": " + result.errors());
                assertTrue(result.messages() > 0, scenario.describe());
                assertTrue(result.latencyMicros().get("p50") > 0, scenario.describe());
                // HotSpot reports its compile time; a one-second run right after start-up compiles.
                assertTrue(result.jitMillis() >= 0, scenario.describe() + ": jit " + result.jitMillis());
            }
        }
    }

    @Test
    void theOpenLoopSendsAtTheAskedRate() throws Exception {
        try (EchoServer server = EchoServer.start(ServerConfig.defaults().withPort(0), System.err)) {
            RunResult result = Generator.run(scenario(server.port(), 5, "64", 1, 1000), null, null);
            assertEquals(0, result.totalErrors());
            // 1,000 msg/s for 1.5 s: a loose band, this is about pacing, not speed.
            assertTrue(result.messages() > 1000 && result.messages() < 2000, result.messages() + " messages");
        }
    }

    private static long run(BrokenServer.Fault fault, ErrorKind expected) throws Exception {
        try (BrokenServer server = new BrokenServer(fault)) {
            RunResult result = Generator.run(scenario(server.port(), 2, "700", 1, 0), null, null);
            long count = result.errors().get(expected.label());
            assertTrue(count > 0, fault + " should give " + expected.label() + " errors: " + result.errors());
            return count;
        }
    }

    @Test
    void aFlippedByteIsAMismatch() throws Exception {
        assertEquals(2, run(BrokenServer.Fault.FLIPS_A_BYTE, ErrorKind.MISMATCH));
    }

    @Test
    void droppedDataIsAnEchoTimeout() throws Exception {
        assertEquals(2, run(BrokenServer.Fault.DROPS_DATA, ErrorKind.TIMEOUT));
    }

    @Test
    void aServerThatClosesEarlyIsAShortRead() throws Exception {
        assertEquals(2, run(BrokenServer.Fault.CLOSES_EARLY, ErrorKind.SHORT_READ));
    }

    @Test
    void refusedConnectionsAreCounted() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        RunResult result = Generator.run(scenario(port, 3, "64", 1, 0), null, null);
        assertEquals(3, result.errors().get(ErrorKind.REFUSED.label()));
    }

    @Test
    void aWindowThatAsksToSettleIsToldSoBeforeItOpensAndOnlyOnce() throws Exception {
        try (EchoServer server = EchoServer.start(ServerConfig.defaults().withPort(0), System.err)) {
            Scenario scenario = new Scenario(new Target("127.0.0.1", server.port()), Load.parse("pingpong:2:64"),
                    Duration.ofMillis(1500), Duration.ofMillis(300), 0, 1, "auto", Scenario.DEFAULT_SPIN);
            List<String> events = new java.util.ArrayList<>();
            long[] at = new long[2];
            long start = System.nanoTime();
            Generator.run(scenario, null, null, new Generator.Window() {
                @Override
                public Duration settle() {
                    return Duration.ofMillis(800);
                }

                @Override
                public void settling() {
                    events.add("settling");
                    at[0] = System.nanoTime();
                }

                @Override
                public void opened() {
                    events.add("opened");
                    at[1] = System.nanoTime();
                }

                @Override
                public void closed(long messages) {
                    events.add("closed");
                }
            }, new RunControl());
            assertEquals(List.of("settling", "opened", "closed"), events);
            // The schedule, not a speed: settling comes after the warm-up's first part, well before the window.
            assertTrue(at[0] - start >= TimeUnit.MILLISECONDS.toNanos(500), "settling after " + (at[0] - start) + " ns");
            assertTrue(at[1] - at[0] >= TimeUnit.MILLISECONDS.toNanos(600), "settled for " + (at[1] - at[0]) + " ns");
        }
    }

    @Test
    void aWindowSpentCompilingIsCalledWarmUp() {
        RunResult compiling = result(500);
        RunResult steady = result(3);
        assertTrue(table(compiling).contains("jit       500 ms compiling in the window: the generator was still "
                + "warming up"), table(compiling));
        assertTrue(table(steady).contains("jit       3 ms compiling in the window\n"), table(steady));
    }

    private static RunResult result(long jitMillis) {
        return new RunResult("ping-pong", "127.0.0.1:9", 2.0, 10, 0, 640, 5, 0.01, Map.of(), List.of(), Map.of(),
                Map.of(), 0, Map.of(), List.of(), jitMillis, false, List.of());
    }

    private static String table(RunResult result) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        Reports.table(result, new PrintStream(text, true, StandardCharsets.UTF_8));
        return text.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
