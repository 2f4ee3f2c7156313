package dev.selectors.loadtest.servers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * An echo server on the JDK's own {@link Selector}: the peer our production mode is measured
 * against. Same algorithm as ours, so that only the selector and the native calls differ: one
 * direct read buffer per loop, echo at once, queue what the peer cannot take, OP_WRITE while
 * anything is queued, stop reading above 1 MiB queued; one loop per thread on a SO_REUSEPORT port.
 */
@Command(name = "jdk-nio-echo-server", mixinStandardHelpOptions = true,
        description = "An echo server on java.nio.channels.Selector, for comparisons.")
public final class JdkNioEchoServer implements Callable<Integer> {

    private static final int MAX_PENDING = 1 << 20;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", defaultValue = "1234", description = "Port; 0 picks one, printed on the start line (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--threads", defaultValue = "1", description = "Event loops, sharing the port with SO_REUSEPORT (default: ${DEFAULT-VALUE}).")
    private int threads;

    /**
     * @param args see {@code --help}
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new JdkNioEchoServer()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<Thread> loops = new ArrayList<>();
        int boundPort = port;
        for (int i = 0; i < threads; i++) {
            ServerSocketChannel listener = ServerSocketChannel.open();
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            if (threads > 1) {
                listener.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            listener.bind(new InetSocketAddress(host, boundPort), 1024);
            boundPort = ((InetSocketAddress) listener.getLocalAddress()).getPort();
            Thread loop = new Thread(() -> serve(listener), "jdk-nio-loop-" + i);
            loops.add(loop);
        }
        System.out.println("jdk-nio-echo-server: listening on " + host + ":" + boundPort + ", " + threads + " thread(s)");
        System.out.flush();
        for (Thread loop : loops) {
            loop.start();
        }
        for (Thread loop : loops) {
            loop.join();
        }
        return 0;
    }

    private static void serve(ServerSocketChannel listener) {
        ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 << 10);
        try (Selector selector = Selector.open()) {
            listener.configureBlocking(false);
            listener.register(selector, SelectionKey.OP_ACCEPT);
            while (true) {
                selector.select(key -> {
                    try {
                        if (key.isAcceptable()) {
                            SocketChannel channel;
                            while ((channel = listener.accept()) != null) {
                                channel.configureBlocking(false);
                                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                                channel.register(selector, SelectionKey.OP_READ, new Pending());
                            }
                            return;
                        }
                        SocketChannel channel = (SocketChannel) key.channel();
                        Pending pending = (Pending) key.attachment();
                        if (key.isWritable() && !flush(channel, pending)) {
                            return;
                        }
                        if (key.isReadable()) {
                            readBuffer.clear();
                            int n = channel.read(readBuffer);
                            if (n < 0) {
                                if (pending.bytes == 0) {
                                    channel.close();
                                } else {
                                    pending.eof = true;
                                }
                            } else if (n > 0) {
                                readBuffer.flip();
                                if (pending.bytes == 0) {
                                    channel.write(readBuffer);
                                }
                                if (readBuffer.hasRemaining()) {
                                    ByteBuffer copy = ByteBuffer.allocate(readBuffer.remaining());
                                    copy.put(readBuffer).flip();
                                    pending.chunks.add(copy);
                                    pending.bytes += copy.remaining();
                                }
                            }
                        }
                        if (channel.isOpen()) {
                            int ops = (pending.bytes > 0 ? SelectionKey.OP_WRITE : 0)
                                    | (!pending.eof && pending.bytes < MAX_PENDING ? SelectionKey.OP_READ : 0);
                            if (key.interestOps() != ops) {
                                key.interestOps(ops);
                            }
                        }
                    } catch (IOException e) {
                        key.cancel();
                        try {
                            key.channel().close();
                        } catch (IOException ignored) {
                            // closing anyway
                        }
                    }
                });
            }
        } catch (IOException e) {
            System.err.println("jdk-nio-echo-server: " + e);
        }
    }

    /** Sends queued bytes; false when the connection closed. */
    private static boolean flush(SocketChannel channel, Pending pending) throws IOException {
        while (!pending.chunks.isEmpty()) {
            ByteBuffer head = pending.chunks.peek();
            pending.bytes -= channel.write(head);
            if (head.hasRemaining()) {
                return true;
            }
            pending.chunks.poll();
        }
        if (pending.eof) {
            channel.close();
            return false;
        }
        return true;
    }

    /** What a connection still has to send. */
    private static final class Pending {
        final ArrayDeque<ByteBuffer> chunks = new ArrayDeque<>();
        int bytes;
        boolean eof;
    }
}
