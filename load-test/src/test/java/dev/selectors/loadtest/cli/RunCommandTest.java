package dev.selectors.loadtest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.selectors.echo.EchoServer;
import dev.selectors.echo.ServerConfig;
import dev.selectors.loadtest.generator.BrokenServer;
import dev.selectors.loadtest.generator.Generator;
import dev.selectors.loadtest.generator.Load;
import dev.selectors.loadtest.generator.RunControl;
import dev.selectors.loadtest.generator.RunResult;
import dev.selectors.loadtest.generator.Scenario;
import dev.selectors.loadtest.generator.Target;
import dev.selectors.loadtest.report.LogMerge;
import dev.selectors.loadtest.report.Reports;
import dev.selectors.loadtest.report.RunLog;
import dev.selectors.posix.ChildJvm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code load-test run} as a pipeline sees it: exit statuses, one count, reports also when stopped by a signal. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RunCommandTest {

    private static CommandRun run(String... args) {
        List<String> command = new ArrayList<>(List.of("run", "--quiet"));
        command.addAll(List.of(args));
        return CommandRun.of(command.toArray(String[]::new));
    }

    private static long reportedMessages(String table) {
        Matcher matcher = java.util.regex.Pattern.compile("measured .*: ([0-9,]+) messages").matcher(table);
        assertTrue(matcher.find(), table);
        return Long.parseLong(matcher.group(1).replace(",", ""));
    }

    @Test
    void versionIsTheBuildsVersion() {
        CommandRun run = CommandRun.of("--version");
        assertEquals(0, run.status(), run.err());
        String first = run.out().lines().findFirst().orElseThrow();
        assertEquals("load-test " + dev.selectors.Version.describe(), first);
        assertTrue(first.startsWith("load-test " + System.getProperty("selectors.project.version")), first);
    }

    @Test
    void theTableTheJsonTheHlogAndItsMergeCountTheSameMessages(@TempDir Path dir) throws Exception {
        try (EchoServer server = EchoServer.start(ServerConfig.defaults().withPort(0), System.err)) {
            for (String[] load : new String[][] {{"--connections", "20", "--pipeline", "4"},
                                                 {"--connections", "5", "--rate", "2000"}}) {
                Path json = dir.resolve("r.json");
                Path hlog = dir.resolve("r.hlog");
                List<String> args = new ArrayList<>(List.of("--target", "127.0.0.1:" + server.port(), "--warmup",
                        "300ms", "--duration", "1500ms", "--json", json.toString(), "--hlog", hlog.toString()));
                args.addAll(List.of(load));
                CommandRun outcome = run(args.toArray(String[]::new));
                assertEquals(0, outcome.status(), outcome.out() + outcome.err());

                long table = reportedMessages(outcome.out());
                JsonNode report = new ObjectMapper().readTree(json.toFile());
                LogMerge.Log log = LogMerge.read(hlog);
                RunResult merged = LogMerge.merge(List.of(log));
                assertTrue(table > 0, outcome.out());
                assertEquals(table, report.get("messages").asLong(), String.join(" ", load));
                assertEquals(table, log.messages(), String.join(" ", load));
                assertEquals(table, merged.messages(), String.join(" ", load));
                long perSecond = 0;
                for (LogMerge.Interval second : log.seconds()) {
                    perSecond += second.latencies().getTotalCount();
                }
                assertEquals(table - report.get("drained").asLong(), perSecond, "the window's seconds add up");
            }
        }
    }

    @Test
    void anOpenLoopReportsLatenessAndTheUncorrectedLatency(@TempDir Path dir) throws Exception {
        try (EchoServer server = EchoServer.start(ServerConfig.defaults().withPort(0), System.err)) {
            Path json = dir.resolve("r.json");
            CommandRun outcome = run("--target", "127.0.0.1:" + server.port(), "--rate", "1000", "--warmup", "300ms",
                    "--duration", "1s", "--json", json.toString());
            assertEquals(0, outcome.status(), outcome.out() + outcome.err());
            assertTrue(outcome.out().contains("lateness  p50 "), outcome.out());
            assertTrue(outcome.out().contains("from send p50 "), outcome.out());
            JsonNode report = new ObjectMapper().readTree(json.toFile());
            assertEquals(1000.0, report.get("sendIntervalMicros").asDouble(), 1e-9);
            assertTrue(report.get("latenessMicros").has("p99"), report.toString());
            // Latency from the intended send includes the lateness: never below the uncorrected one.
            assertTrue(report.get("latencyMicros").get("max").asDouble()
                    >= report.get("uncorrectedMicros").get("max").asDouble(), report.toString());
        }
    }

    @Test
    void aFailedThresholdExitsWithThreeAndEveryThresholdIsListed(@TempDir Path dir) throws Exception {
        try (EchoServer server = EchoServer.start(ServerConfig.defaults().withPort(0), System.err)) {
            String target = "127.0.0.1:" + server.port();
            Path json = dir.resolve("r.json");
            CommandRun failed = run("--target", target, "--warmup", "0s", "--duration", "500ms", "--threshold", "p50<1ns",
                    "--threshold", "p99<1s", "--json", json.toString());
            assertEquals(3, failed.status(), failed.out() + failed.err());
            assertTrue(failed.out().matches("(?s).*threshold p50<1ns +FAILED \\(measured [0-9.]+ [um]s\\).*"), failed.out());
            assertTrue(failed.out().matches("(?s).*threshold p99<1s +passed \\(measured .*"), failed.out());
            JsonNode verdicts = new ObjectMapper().readTree(json.toFile()).get("thresholds");
            assertEquals(2, verdicts.size());
            assertEquals(false, verdicts.get(0).get("passed").asBoolean());

            CommandRun passed = run("--target", target, "--warmup", "0s", "--duration", "500ms", "--threshold", "p99<10s",
                    "--threshold", "rate>1");
            assertEquals(0, passed.status(), passed.out() + passed.err());
        }
    }

    @Test
    void outputPathsAndThresholdsAreCheckedBeforeAnyTraffic(@TempDir Path dir) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(300);
            String target = "127.0.0.1:" + listener.getLocalPort();
            String[][] cases = {
                {"--json", "/nonexistent/dir/r.json"},
                // access(2) says yes to root here; creating a file does not.
                {"--json", "/proc/r.json"},
                {"--html", dir.toString()},
                {"--hlog", dir.resolve("missing").resolve("r.hlog").toString()},
                {"--threshold", "p99<2"},
                {"--threshold", "latency<2ms"},
            };
            for (String[] bad : cases) {
                List<String> args = new ArrayList<>(List.of("--target", target, "--warmup", "0s", "--duration", "1s"));
                args.addAll(List.of(bad));
                CommandRun outcome = run(args.toArray(String[]::new));
                assertEquals(2, outcome.status(), String.join(" ", bad) + ": " + outcome.out() + outcome.err());
                assertEquals(1, outcome.err().lines().count(), outcome.err());
                assertTrue(outcome.err().startsWith("load-test: " + bad[0]), outcome.err());
                assertThrows(SocketTimeoutException.class, listener::accept, "no connection was opened");
            }
        }
    }

    /** Stops a child {@code load-test run} with a signal once its window is open. */
    private static void stoppedBySignal(Path dir, boolean interrupt) throws Exception {
        try (EchoServer server = EchoServer.start(ServerConfig.defaults().withPort(0), System.err)) {
            Path json = dir.resolve("r.json");
            Path html = dir.resolve("r.html");
            Path hlog = dir.resolve("r.hlog");
            Path live = dir.resolve("live.txt");
            Process child = ChildJvm.builder(List.of(), LoadTestCommand.class, "run", "--target",
                    "127.0.0.1:" + server.port(), "--connections", "4", "--warmup", "500ms", "--duration", "60s",
                    "--json", json.toString(), "--html", html.toString(), "--hlog", hlog.toString())
                    .redirectError(live.toFile()).redirectOutput(dir.resolve("out.txt").toFile()).start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                // The first measured second's live line: the window is open.
                while (!Files.readString(live).contains("s]         ")) {
                    assertTrue(System.nanoTime() < deadline, "no measured second: " + Files.readString(live));
                    Thread.sleep(100);
                }
                if (interrupt) {
                    new ProcessBuilder("kill", "-INT", String.valueOf(child.pid())).start().waitFor();
                } else {
                    child.destroy();
                }
                assertTrue(child.waitFor(20, TimeUnit.SECONDS), "still running after the signal");
                String out = Files.readString(dir.resolve("out.txt"));
                assertEquals(0, child.exitValue(), out + Files.readString(live));
                assertTrue(out.contains("stopped   by a signal: the window was cut short"), out);
                assertTrue(out.contains("errors    none"), out);
                JsonNode report = new ObjectMapper().readTree(json.toFile());
                assertTrue(report.get("interrupted").asBoolean());
                assertTrue(report.get("seconds").asDouble() < 30, report.toString());
                assertEquals(reportedMessages(out), report.get("messages").asLong());
                assertEquals(reportedMessages(out), LogMerge.read(hlog).messages());
                assertTrue(Files.readString(html).contains("<svg"));
            } finally {
                child.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void ctrlCStopsTheRunAndWritesEveryReport(@TempDir Path dir) throws Exception {
        stoppedBySignal(dir, true);
    }

    @Test
    void sigtermStopsTheRunAndWritesEveryReport(@TempDir Path dir) throws Exception {
        stoppedBySignal(dir, false);
    }

    @Test
    void aSignalDuringTheWarmUpStillPrintsASummary(@TempDir Path dir) throws IOException {
        RunControl control = new RunControl();
        control.requestStop();
        try (EchoServer server = EchoServer.start(ServerConfig.defaults().withPort(0), System.err)) {
            Scenario scenario = new Scenario(new Target("127.0.0.1", server.port()), Load.parse("pingpong:2:64"),
                    java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(5), 0, 1, "auto", Scenario.DEFAULT_SPIN);
            RunResult result;
            try (RunLog log = RunLog.create(dir.resolve("r.hlog"))) {
                log.header(scenario, System.currentTimeMillis());
                result = Generator.run(scenario, null, log, new Generator.Window() {
                    @Override
                    public void opened() {
                        throw new AssertionError("no window was opened");
                    }

                    @Override
                    public void closed(long messages) {
                        throw new AssertionError("no window was closed");
                    }
                }, control);
                log.end(result);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            assertTrue(result.interrupted());
            assertEquals(0, result.messages());
            assertEquals(0.0, result.seconds());
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            Reports.table(result, new PrintStream(text, true, StandardCharsets.UTF_8));
            assertTrue(text.toString(StandardCharsets.UTF_8).contains("during the warm-up: nothing was measured"));
        }
    }

    @Test
    void badCommandLinesGiveOneLineAndStatusTwo() {
        String[][] cases = {
            {"run", "--target", "nowhere"}, {"run", "--size", "x"}, {"run", "--connections", "0"},
            {"run", "--duration", "soon"}, {"run", "--mode", "burst"}, {"run", "--spin", "fast"},
            {"run", "--threshold", "p99<"}, {"merge"}, {"compare", "--scenario", "fast:1:64"},
            {"compare", "--servers", "apache"}, {"compare", "--instructions", "sometimes"}, {"frobnicate"},
        };
        for (String[] args : cases) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = LoadTestCommand.run(args, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
            String text = err.toString(StandardCharsets.UTF_8);
            assertEquals(2, status, String.join(" ", args) + ": " + text);
            assertTrue(text.startsWith("load-test: ") && text.lines().count() == 1, text);
        }
    }

    @Test
    void theCommandExitsNonZeroAndNamesTheKind(@TempDir Path dir) throws Exception {
        try (BrokenServer server = new BrokenServer(BrokenServer.Fault.FLIPS_A_BYTE)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream previous = System.out;
            int status;
            try {
                System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
                status = LoadTestCommand.run(new String[] {"run", "--target", "127.0.0.1:" + server.port(),
                    "--connections", "3", "--size", "500", "--warmup", "0s", "--duration", "1s", "--quiet",
                    "--json", dir.resolve("r.json").toString(), "--html", dir.resolve("r.html").toString(),
                    "--hlog", dir.resolve("r.hlog").toString()}, System.out, System.err);
            } finally {
                System.setOut(previous);
            }
            String report = out.toString(StandardCharsets.UTF_8);
            assertEquals(1, status, report);
            assertTrue(report.contains("mismatch 3"), report);
            assertTrue(report.contains(" ms compiling in the window"), report);
            assertTrue(Files.readString(dir.resolve("r.json")).contains("\"mismatch\" : 3"));
            assertTrue(Files.readString(dir.resolve("r.html")).contains("<svg"));
            assertTrue(Files.size(dir.resolve("r.hlog")) > 0);
        }
    }
}
