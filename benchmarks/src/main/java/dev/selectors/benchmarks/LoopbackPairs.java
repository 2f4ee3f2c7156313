package dev.selectors.benchmarks;

import dev.selectors.posix.Socket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Connected TCP loopback pairs, made with our {@link Socket} for our backends and with the
 * JDK's channels for its selector, so that every contender watches the same kind of fd.
 */
final class LoopbackPairs {

    private LoopbackPairs() {
    }

    /** {@code count} connected pairs of our sockets; element 2i and 2i+1 are the two ends. */
    static List<Socket> ours(int count) throws IOException {
        List<Socket> sockets = new ArrayList<>(2 * count);
        try (Socket listener = Socket.listenLoopback(1024)) {
            int port = ((InetSocketAddress) listener.getsockname()).getPort();
            for (int i = 0; i < count; i++) {
                Socket client = new Socket();
                client.connect("127.0.0.1", port);
                sockets.add(client);
                sockets.add(listener.accept().socket());
            }
        }
        return sockets;
    }

    /** {@code count} connected pairs of JDK channels, non-blocking, in the same order. */
    static List<SocketChannel> jdk(int count) throws IOException {
        List<SocketChannel> channels = new ArrayList<>(2 * count);
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress("127.0.0.1", 0), 1024);
            for (int i = 0; i < count; i++) {
                SocketChannel client = SocketChannel.open(listener.getLocalAddress());
                SocketChannel server = listener.accept();
                client.configureBlocking(false);
                server.configureBlocking(false);
                channels.add(client);
                channels.add(server);
            }
        }
        return channels;
    }
}
