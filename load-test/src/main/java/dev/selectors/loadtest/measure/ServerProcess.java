package dev.selectors.loadtest.measure;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One server under comparison, running as its own process on loopback; stopped by its own
 * handle, forcibly if it does not stop on SIGTERM.
 */
public final class ServerProcess implements AutoCloseable {

    private final Process process;
    public final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts {@code command} with {@code {port}} replaced by a free loopback port, and waits
     * until that port accepts connections.
     */
    public static ServerProcess start(List<String> command, Path log) throws IOException, InterruptedException {
        int port = freePort();
        List<String> resolved = command.stream().map(part -> part.replace("{port}", String.valueOf(port))).toList();
        Process process = new ProcessBuilder(resolved).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        ServerProcess server = new ServerProcess(process, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("the server exited with status " + process.exitValue() + " before listening: "
                        + String.join(" ", resolved) + " (see " + log + ")");
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return server;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    server.close();
                    throw new IOException("the server did not listen on 127.0.0.1:" + port + " within 20 s: "
                            + String.join(" ", resolved) + " (see " + log + ")");
                }
                Thread.sleep(50);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
