package dev.selectors.loadtest.servers;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Netty's echo server, with its native epoll transport or with NIO: the reference our servers
 * are ranked against. Write and flush once per read burst (Netty's own echo example), and
 * backpressure through auto-read while the channel is not writable.
 */
@Command(name = "netty-echo-server", mixinStandardHelpOptions = true,
        description = "Netty's echo server, epoll or NIO transport, for comparisons.")
public final class NettyEchoServer implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", defaultValue = "1234", description = "Port; 0 picks one, printed on the start line (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--threads", defaultValue = "1", description = "Event loop threads, accepting and serving (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--transport", defaultValue = "epoll", description = "epoll (Netty's native transport) or nio (default: ${DEFAULT-VALUE}).")
    private String transport;

    /**
     * @param args see {@code --help}
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new NettyEchoServer()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        boolean epoll = transport.equals("epoll");
        if (epoll && !Epoll.isAvailable()) {
            System.err.println("netty-echo-server: the epoll transport is unavailable: " + Epoll.unavailabilityCause());
            return 1;
        }
        IoHandlerFactory factory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channelClass = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, factory);
        try {
            Channel server = new ServerBootstrap().group(group).channel(channelClass)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new EchoHandler())
                    .bind(new InetSocketAddress(host, port)).sync().channel();
            int boundPort = ((InetSocketAddress) server.localAddress()).getPort();
            System.out.println("netty-echo-server: " + transport + " transport, listening on " + host + ":" + boundPort
                    + ", " + threads + " thread(s)");
            System.out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS)));
            server.closeFuture().sync();
        } finally {
            group.shutdownGracefully();
        }
        return 0;
    }

    /** Echoes every buffer back; pauses reading while the peer cannot keep up. */
    @ChannelHandler.Sharable
    static final class EchoHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.write(msg);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            ctx.channel().config().setAutoRead(ctx.channel().isWritable());
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
