package dev.selectors.echo;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The container health check: echoes one byte through the server on 127.0.0.1 and
 * {@code ECHO_PORT} (default 1234), so it needs nothing but the JVM already in the image.
 * Exit status 0 when the byte came back within 2 seconds, 1 otherwise.
 */
public final class HealthCheck {

    private HealthCheck() {
    }

    /**
     * @param args ignored; the port comes from {@code ECHO_PORT}
     */
    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("ECHO_PORT", "1234");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(port)), 2000);
            socket.setSoTimeout(2000);
            socket.getOutputStream().write('?');
            InputStream in = socket.getInputStream();
            if (in.read() != '?') {
                System.err.println("health check: the echo server on port " + port + " did not echo");
                System.exit(1);
            }
        } catch (IOException | NumberFormatException e) {
            System.err.println("health check: the echo server on port " + port + " is not answering: " + e.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }
}
