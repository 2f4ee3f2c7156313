package dev.selectors.loadtest.compare;

import dev.selectors.Backend;
import dev.selectors.Selectors;
import dev.selectors.loadtest.servers.JdkNioEchoServer;
import dev.selectors.loadtest.servers.NettyEchoServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The servers {@code compare} can run: ours with each backend, Netty epoll and NIO, the JDK NIO
 * selector server, the C epoll floor (compiled here with {@code cc}), and external commands.
 */
public final class ServerCatalogue {

    /** Our echo server, which load-test carries at run time only: no application compiles against another. */
    static final String ECHO_SERVER_MAIN = "dev.selectors.echo.EchoServerCommand";

    /** One server under comparison. */
    public record Variant(String name, List<String> command) {
    }

    private final List<String> servers;
    private final List<String> externalServers;
    private final int serverThreads;
    private final String java;
    private final Path out;

    /**
     * @param servers         built-in server names, or {@code null} for the default set
     * @param externalServers {@code NAME=COMMAND} with {@code {port}}
     * @param serverThreads   event loop threads of every server
     * @param java            the java command for JVM servers, or {@code null} for this one's
     * @param out             where the C server is compiled
     */
    public ServerCatalogue(List<String> servers, List<String> externalServers, int serverThreads, String java, Path out) {
        this.servers = servers;
        this.externalServers = externalServers;
        this.serverThreads = serverThreads;
        this.java = java;
        this.out = out;
    }

    /**
     * The built-in servers to run, checked, with the external ones checked too.
     *
     * @return the names
     * @throws IllegalArgumentException a name or an external server is not valid; the message says which
     */
    public List<String> names() throws IOException, InterruptedException {
        List<String> names = servers;
        if (names == null) {
            names = new ArrayList<>();
            for (Backend backend : Selectors.backends()) {
                if (backend.available() && !backend.name().equals("select")) {
                    names.add("ours-" + backend.name());
                }
            }
            names.addAll(List.of("netty-epoll", "netty-nio", "jdk-nio"));
            if (commandExists("cc")) {
                names.add("c-epoll");
            }
        }
        for (String name : names) {
            if (!name.trim().matches("ours-[a-z]+|netty-epoll|netty-nio|jdk-nio|c-epoll")) {
                throw new IllegalArgumentException("unknown server '" + name
                        + "': use ours-<backend>, netty-epoll, netty-nio, jdk-nio or c-epoll");
            }
        }
        for (String external : externalServers) {
            if (external.indexOf('=') <= 0 || !external.contains("{port}")) {
                throw new IllegalArgumentException("--server must be NAME=COMMAND with {port} in it, not '" + external + "'");
            }
        }
        return names;
    }

    /**
     * @param names checked names from {@link #names()}
     * @return the built-in servers, then the external ones
     */
    public List<Variant> variants(List<String> names) throws IOException, InterruptedException {
        List<Variant> variants = new ArrayList<>();
        for (String name : names) {
            variants.add(builtIn(name.trim()));
        }
        for (String external : externalServers) {
            int equals = external.indexOf('=');
            variants.add(new Variant(external.substring(0, equals),
                    Arrays.asList(external.substring(equals + 1).trim().split("\\s+"))));
        }
        return variants;
    }

    private Variant builtIn(String name) throws IOException, InterruptedException {
        String threads = String.valueOf(serverThreads);
        if (name.startsWith("ours-")) {
            return new Variant(name, jvm(ECHO_SERVER_MAIN, "--port", "{port}", "--threads", threads,
                    "--backend", name.substring("ours-".length())));
        }
        switch (name) {
            case "netty-epoll":
                return new Variant(name, jvm(NettyEchoServer.class.getName(), "--port", "{port}", "--threads", threads, "--transport", "epoll"));
            case "netty-nio":
                return new Variant(name, jvm(NettyEchoServer.class.getName(), "--port", "{port}", "--threads", threads, "--transport", "nio"));
            case "jdk-nio":
                return new Variant(name, jvm(JdkNioEchoServer.class.getName(), "--port", "{port}", "--threads", threads));
            case "c-epoll":
                return new Variant(name, List.of(buildCServer().toString(), "{port}"));
            default:
                throw new IllegalArgumentException("unknown server '" + name
                        + "': use ours-<backend>, netty-epoll, netty-nio, jdk-nio or c-epoll");
        }
    }

    private List<String> jvm(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(java != null ? java : ProcessHandle.current().info().command().orElse("java"));
        command.add("--enable-native-access=ALL-UNNAMED");
        // The same heap for every JVM server; Netty's leak detector off, as in production.
        command.addAll(List.of("-Xms256m", "-Xmx256m", "-Dio.netty.leakDetection.level=disabled"));
        String binding = System.getProperty("selectors.native");
        if (binding != null) {
            command.add("-Dselectors.native=" + binding);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(Arrays.asList(args));
        return command;
    }

    /** Compiles the C floor from the source this jar carries, with the system cc. */
    private Path buildCServer() throws IOException, InterruptedException {
        Path dir = out.resolve("c-epoll");
        Files.createDirectories(dir);
        Path source = dir.resolve("epoll_echo.c");
        try (InputStream in = ServerCatalogue.class.getResourceAsStream("/c/epoll_echo.c")) {
            if (in == null) {
                throw new IOException("epoll_echo.c is missing from the class path");
            }
            Files.write(source, in.readAllBytes());
        }
        Path binary = dir.resolve("epoll_echo");
        Process cc = new ProcessBuilder("cc", "-O2", "-o", binary.toString(), source.toString())
                .redirectErrorStream(true).start();
        String output = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (cc.waitFor() != 0) {
            throw new IOException("cc failed: " + output);
        }
        return binary;
    }

    public static boolean commandExists(String command) throws IOException, InterruptedException {
        return new ProcessBuilder("sh", "-c", "command -v " + command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
    }
}
