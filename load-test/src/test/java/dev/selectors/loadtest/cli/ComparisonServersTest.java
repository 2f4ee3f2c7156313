package dev.selectors.loadtest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.selectors.loadtest.generator.Generator;
import dev.selectors.loadtest.generator.Load;
import dev.selectors.loadtest.generator.RunResult;
import dev.selectors.loadtest.generator.Scenario;
import dev.selectors.loadtest.generator.Target;
import dev.selectors.loadtest.measure.CallgrindCounter;
import dev.selectors.loadtest.measure.ServerProcess;
import dev.selectors.loadtest.servers.JdkNioEchoServer;
import dev.selectors.loadtest.servers.NettyEchoServer;
import dev.selectors.posix.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each comparison server echoes without loss, and compare runs end to end. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ComparisonServersTest {

    private static void assertEchoes(List<String> command, Path log) throws Exception {
        try (ServerProcess server = ServerProcess.start(command, log)) {
            Scenario scenario = new Scenario(new Target("127.0.0.1", server.port), Load.parse("pipeline4:20:1-20k"),
                    Duration.ofMillis(200), Duration.ofSeconds(1), 0, 2, "auto", Scenario.DEFAULT_SPIN);
            RunResult result = Generator.run(scenario, null, null);
            assertEquals(0, result.totalErrors(), command + ": " + result.errors());
            assertTrue(result.messages() > 100, command + ": " + result.messages() + " messages");
        }
    }

    private static List<String> jvm(Class<?> main, String... args) {
        List<String> command = new ArrayList<>(ChildJvm.builder(List.of(), main, args).command());
        return command;
    }

    @Test
    void nettyEpollEchoesWithoutLoss(@TempDir Path dir) throws Exception {
        assertEchoes(jvm(NettyEchoServer.class, "--port", "{port}", "--transport", "epoll"), dir.resolve("log"));
    }

    @Test
    void nettyNioEchoesWithoutLoss(@TempDir Path dir) throws Exception {
        assertEchoes(jvm(NettyEchoServer.class, "--port", "{port}", "--transport", "nio"), dir.resolve("log"));
    }

    @Test
    void theJdkNioServerEchoesWithoutLoss(@TempDir Path dir) throws Exception {
        assertEchoes(jvm(JdkNioEchoServer.class, "--port", "{port}", "--threads", "2"), dir.resolve("log"));
    }

    @Test
    void compareRunsTheMatrixAndWritesItsReports(@TempDir Path dir) throws Exception {
        // The C floor needs the system cc; pinning would pin this test JVM for the tests after it.
        boolean cc = Files.isExecutable(Path.of("/usr/bin/cc"));
        String servers = cc ? "ours-epoll,jdk-nio,c-epoll" : "ours-epoll,jdk-nio";
        int status = LoadTestCommand.run(new String[] {"compare", "--servers", servers, "--no-pin",
            "--scenario", "pingpong:2:64", "--repetitions", "1", "--warmup", "200ms", "--duration", "700ms",
            "--out", dir.toString()}, System.out, System.err);
        assertEquals(0, status);
        String markdown = Files.readString(dir.resolve("compare.md"));
        for (String server : servers.split(",")) {
            assertTrue(markdown.contains("| pingpong 2x64 B | " + server + " |"), markdown);
        }
        String json = Files.readString(dir.resolve("compare.json"));
        assertTrue(json.contains("\"cpuMicrosPerMessage\""), json);
        // Counted only where perf can count instructions; the field is there either way.
        assertTrue(json.contains("\"generatorInstructionsPerMessage\""), json);
        assertTrue(Files.readString(dir.resolve("compare.html")).contains("<table>"));
    }

    @Test
    void aServerThatFailsIsListedAndTheOthersAreKept(@TempDir Path dir) throws Exception {
        int status = LoadTestCommand.run(new String[] {"compare", "--servers", "jdk-nio", "--no-pin",
            "--server", "broken=false {port}", "--scenario", "pingpong:1:64", "--repetitions", "1",
            "--warmup", "200ms", "--duration", "500ms", "--out", dir.toString()}, System.out, System.err);
        assertEquals(1, status, "a failed server makes the run fail");
        String markdown = Files.readString(dir.resolve("compare.md"));
        assertTrue(markdown.contains("| pingpong 1x64 B | jdk-nio |"), markdown);
        // Without Netty epoll in the run there is no ratio to it: said so, not printed as NaN.
        assertTrue(markdown.contains(" | n/a | ") && !markdown.contains("NaN"), markdown);
        assertTrue(!markdown.contains("| pingpong 1x64 B | broken |"), "a server with no run has no row: " + markdown);
        assertTrue(markdown.contains("Runs that failed") && markdown.contains("pingpong 1x64 B broken: the server exited"),
                markdown);
    }

    @Test
    void valgrindCountsEachServersUserInstructions(@TempDir Path dir) throws Exception {
        assumeTrue(CallgrindCounter.unavailableReason() == null, "valgrind is not installed");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/cc")), "the C server needs cc");
        int status = LoadTestCommand.run(new String[] {"compare", "--servers", "c-epoll", "--no-pin",
            "--instructions", "valgrind", "--scenario", "pingpong:2:64", "--repetitions", "1",
            "--warmup", "500ms", "--duration", "1s", "--out", dir.toString()}, System.out, System.err);
        assertEquals(0, status);
        String row = Files.readString(dir.resolve("compare.md")).lines()
                .filter(line -> line.startsWith("| pingpong 2x64 B | c-epoll |")).findFirst().orElseThrow();
        String userInstructions = row.split("\\|")[8].trim();
        // The C server's loop: tens of instructions per message, never zero, never "n/a".
        assertTrue(userInstructions.matches("[1-9][0-9,]*"), row);
    }
}
