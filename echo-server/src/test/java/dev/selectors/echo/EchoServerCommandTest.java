package dev.selectors.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selectors.Backend;
import dev.selectors.Selectors;
import dev.selectors.Version;
import dev.selectors.posix.ChildJvm;
import dev.selectors.spi.SelectorProvider;
import dev.selectors.posix.Natives;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The command line: its help, its errors, and SIGTERM during load in a real child process. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EchoServerCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return EchoServerCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpExplainsEveryOption() {
        assertEquals(0, run("--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        for (String option : new String[] {"--host", "--port", "--backend", "--mode", "--threads", "--backlog",
                "--max-connections", "--idle-timeout", "--max-pending-bytes", "--buffer-size", "--metrics-port",
            "--accept", "--drain-timeout"}) {
            assertTrue(help.contains(option + "="), option + " missing from --help");
        }
    }

    @Test
    void badValuesGiveOneLineAndExitStatusTwo() {
        String[][] cases = {
            {"--port", "70000"}, {"--port", "x"}, {"--threads", "0"}, {"--mode", "fast"}, {"--backend", "iouring"},
            {"--idle-timeout", "soon"}, {"--metrics-port", "http"}, {"--mode", "example", "--threads", "2"},
            {"--buffer-size", "0"}, {"--unknown"}, {"--backend", "kqueue", "--port", "0"}, {"--drain-timeout", "later"},
            {"--accept", "roundrobin"},
        };
        for (String[] args : cases) {
            err.reset();
            assertEquals(2, run(args), String.join(" ", args));
            String text = errText();
            assertEquals(1, text.lines().count(), text);
            assertTrue(text.startsWith("echo-server: "), text);
        }
    }

    @Test
    void versionIsTheBuildsVersion() {
        assertEquals(0, run("--version"));
        String first = out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        assertEquals("echo-server " + Version.describe(), first);
        assertTrue(first.startsWith("echo-server " + System.getProperty("selectors.project.version")), first);
    }

    @Test
    void helpListsTheBackendsServiceLoaderFinds() {
        assertEquals(0, run("--help"));
        String help = out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        for (Backend backend : Selectors.backends()) {
            assertTrue(help.contains(backend.name()), backend.name() + " missing from --backend's help: " + help);
        }
    }

    /**
     * A backend from another jar: a provider listed in META-INF/services on the class path is a
     * valid --backend, and the server runs on the selector it opens.
     */
    @Test
    void aThirdPartyBackendOnTheClassPathCanBeChosen(@TempDir Path services) throws Exception {
        Path listing = services.resolve("META-INF/services/" + SelectorProvider.class.getName());
        Files.createDirectories(listing.getParent());
        Files.writeString(listing, ThirdPartySelectorProvider.class.getName() + "\n");
        ProcessBuilder builder = ChildJvm.builder(List.of(), EchoServerCommand.class,
                "--backend", ThirdPartySelectorProvider.NAME, "--port", "0").redirectErrorStream(true);
        List<String> command = builder.command();
        int classPath = command.indexOf("-cp") + 1;
        command.set(classPath, command.get(classPath) + File.pathSeparator + services);
        Process server = builder.start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            assertEquals(ThirdPartySelectorProvider.OPENED, lines.readLine(), "the provider opened the selector");
            String startLine = lines.readLine();
            Matcher matcher = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)").matcher(String.valueOf(startLine));
            assertTrue(matcher.find(), "start line: " + startLine);
            try (Socket client = new Socket("127.0.0.1", Integer.parseInt(matcher.group(1)))) {
                client.setSoTimeout(5000);
                client.getOutputStream().write("third".getBytes(StandardCharsets.US_ASCII));
                assertEquals("third", new String(client.getInputStream().readNBytes(5), StandardCharsets.US_ASCII));
            }
        } finally {
            server.destroy();
            assertTrue(server.waitFor(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aBusyMetricsPortIsReportedAsTheMetricsPort() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertEquals(1, run("--port", "0", "--metrics-port", String.valueOf(taken.getLocalPort())));
            assertTrue(errText().startsWith("echo-server: cannot serve metrics on 127.0.0.1:" + taken.getLocalPort()),
                    errText());
        }
    }

    @Test
    void aBadValueFromTheEnvironmentNamesItsVariable() {
        java.util.Map<String, String> environment = java.util.Map.of("ECHO_PORT", "abc", "ECHO_MAX_PENDING_BYTES", "0");
        assertEquals("Invalid value for option '--port': 'abc' is not an int (set by the environment variable "
                + "ECHO_PORT=abc)", EchoServerCommand.blameEnvironment("Invalid value for option '--port': 'abc' is "
                + "not an int", new String[0], environment));
        assertTrue(EchoServerCommand.blameEnvironment("--max-pending-bytes must be at least 1, not 0", new String[0],
                environment).endsWith("(set by the environment variable ECHO_MAX_PENDING_BYTES=0)"));
        // Given on the command line: the variable is not to blame.
        assertEquals("--port must be 0-65535, not 70000", EchoServerCommand.blameEnvironment(
                "--port must be 0-65535, not 70000", new String[] {"--port", "70000"}, environment));
        assertEquals("--threads must be 1-256, not 0", EchoServerCommand.blameEnvironment(
                "--threads must be 1-256, not 0", new String[0], environment));
    }

    @Test
    void urlsWriteIpv6HostsInBrackets() {
        assertEquals("[::1]", EchoServerCommand.urlHost("::1"));
        assertEquals("127.0.0.1", EchoServerCommand.urlHost("127.0.0.1"));
    }

    @Test
    void aPortInUseIsReportedWithExitStatusOne() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertEquals(1, run("--port", String.valueOf(taken.getLocalPort())));
            assertTrue(errText().contains("EADDRINUSE"), errText());
        }
    }

    @Test
    void sigtermDuringLoadStopsTheServerWithExitZeroWithinTwoSeconds() throws Exception {
        Process server = ChildJvm.builder(List.of(), EchoServerCommand.class, "--port", "0")
                .redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String startLine = lines.readLine();
            Matcher matcher = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)").matcher(String.valueOf(startLine));
            assertTrue(matcher.find(), "start line: " + startLine);
            assertTrue(startLine.startsWith("echo-server " + Version.describe() + ": production mode, "), startLine);
            assertTrue(startLine.contains("backend epoll (" + Natives.libc().bindingName() + " binding, "
                    + Natives.libc().callPath() + ")"), startLine);
            int port = Integer.parseInt(matcher.group(1));

            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong echoes = new AtomicLong();
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Thread client = new Thread(() -> {
                    try (Socket socket = new Socket("127.0.0.1", port)) {
                        socket.setSoTimeout(5000);
                        byte[] message = new byte[512];
                        while (running.get()) {
                            socket.getOutputStream().write(message);
                            if (socket.getInputStream().readNBytes(message.length).length < message.length) {
                                return;
                            }
                            echoes.incrementAndGet();
                        }
                    } catch (IOException closedByServer) {
                        // expected once the server stops
                    }
                });
                clients.add(client);
                client.start();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (echoes.get() < 1000 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(echoes.get() >= 1000, "the load never got going: " + echoes.get() + " echoes");

            long start = System.nanoTime();
            server.destroy();
            assertTrue(server.waitFor(2, TimeUnit.SECONDS), "still running 2 s after SIGTERM");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(0, server.exitValue(), "exit status after SIGTERM");
            running.set(false);
            for (Thread client : clients) {
                client.join(5000);
                assertTrue(!client.isAlive(), "a client hung after the server stopped");
            }
            assertTrue(millis < 2000, millis + " ms");
        } finally {
            server.destroyForcibly();
        }
    }
}
