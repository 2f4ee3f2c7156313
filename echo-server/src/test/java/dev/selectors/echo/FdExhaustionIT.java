package dev.selectors.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selectors.posix.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * EMFILE on accept: a server under a low fd limit backs off accepting instead of spinning,
 * keeps serving the connections it has, and accepts the waiting ones once fds are free again.
 *
 * <p>An integration test (failsafe, after {@code package}): it runs the packaged jar, as users
 * do. From {@code target/classes} the JVM would need a new fd for every class it loads late,
 * and under EMFILE those loads would fail where the jar, already open, needs none.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FdExhaustionIT {

    private static final int FD_LIMIT = 128;

    @Test
    void runningOutOfFdsPausesAcceptingWithoutDroppingConnections() throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "ulimit -n " + FD_LIMIT + " && exec \"$@\"", "bash"));
        command.addAll(ChildJvm.jar(List.of(), Path.of(System.getProperty("echo.server.jar")), "--port", "0",
                "--metrics-port", "0").command());
        Process server = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<Socket> clients = new ArrayList<>();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String startLine = lines.readLine();
            Matcher matcher = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+).*metrics on http://127\\.0\\.0\\.1:(\\d+)/")
                    .matcher(String.valueOf(startLine));
            assertTrue(matcher.find(), "start line: " + startLine);
            int port = Integer.parseInt(matcher.group(1));
            int metricsPort = Integer.parseInt(matcher.group(2));

            // More connections than the server can hold: the rest wait in the listen backlog.
            for (int i = 0; i < FD_LIMIT + 50; i++) {
                Socket client = new Socket("127.0.0.1", port);
                client.setSoTimeout(50);
                clients.add(client);
            }
            Thread.sleep(500);
            int served = 0;
            List<Socket> waiting = new ArrayList<>();
            for (Socket client : clients) {
                client.getOutputStream().write(1);
                try {
                    assertEquals(1, client.getInputStream().read());
                    served++;
                } catch (java.net.SocketTimeoutException notAcceptedYet) {
                    waiting.add(client);
                }
            }
            assertTrue(served > 0 && !waiting.isEmpty(), served + " served, " + waiting.size() + " waiting");
            // Free fds: the waiting connections are accepted and served.
            for (Socket client : clients) {
                if (!waiting.contains(client)) {
                    client.close();
                }
            }
            for (Socket client : waiting) {
                client.setSoTimeout(10_000);
                assertEquals(1, client.getInputStream().read(), "a waiting connection was never served");
            }
            // Read only now: while out of fds, the metrics endpoint cannot accept a connection either.
            String metrics = Http.get(metricsPort, "/metrics");
            Matcher backoffs = Pattern.compile("echo_accept_backoffs_total\\{[^}]*} (\\d+)").matcher(metrics);
            assertTrue(backoffs.find() && Integer.parseInt(backoffs.group(1)) > 0, "no accept back-off counted");
            // Backing off, not spinning: a few per second at most (it doubles from 10 ms to 1 s).
            assertTrue(Integer.parseInt(backoffs.group(1)) < 100, "accept back-offs: " + backoffs.group(1));

            assertTrue(server.isAlive());
        } finally {
            for (Socket client : clients) {
                try {
                    client.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            server.destroy();
            server.waitFor(5, TimeUnit.SECONDS);
            server.destroyForcibly();
        }
    }
}
