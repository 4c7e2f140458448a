package io.asynccrawler.server;

import io.asynccrawler.transport.Transport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The built-in test server of {@code crawler serve}: bind, serve every endpoint over HTTP/1.1 or
 * HTTP/2 ({@link ServerPipeline}), close.
 */
public final class TestServer implements AutoCloseable {
    /** Pending connections the kernel may queue; enough for a burst of 10,000 connects. */
    private static final int BACKLOG = 8192;

    private final EventLoopGroup acceptor;
    private final EventLoopGroup group;
    private final Channel channel;
    private final ConnectionGauge connections;
    private final boolean tls;
    /** Set once, by start, before the server is handed out. */
    private RequestCounts requests;

    private TestServer(EventLoopGroup acceptor, EventLoopGroup group, Channel channel, ConnectionGauge connections,
                       boolean tls) {
        this.tls = tls;
        this.acceptor = acceptor;
        this.group = group;
        this.channel = channel;
        this.connections = connections;
    }

    /** Binds {@code host:port} (port 0 picks a free one) and serves {@code files} under {@code /files/} if not null. */
    public static TestServer start(String host, int port, Path files, Transport transport) throws InterruptedException {
        return start(new ServerSettings(host, port, files, transport, null));
    }

    /** Starts a server as {@code settings} say, over TLS when they carry a context. */
    public static TestServer start(ServerSettings settings) throws InterruptedException {
        Transport transport = settings.transport();
        // A thread of its own for accept(): a burst of connects must not wait behind busy connections.
        EventLoopGroup acceptor = transport.newGroup(1, new DefaultThreadFactory("serve-accept", true));
        EventLoopGroup group = transport.newGroup(0, new DefaultThreadFactory("serve", true));
        ConnectionGauge connections = new ConnectionGauge();
        Flaky flaky = new Flaky();
        AtomicLong counter = new AtomicLong();
        RequestCounts requests = settings.countRequests() ? new RequestCounts() : null;
        try {
            Channel channel = new ServerBootstrap()
                    .group(acceptor, group)
                    .channel(transport.serverSocketChannel())
                    .option(ChannelOption.SO_BACKLOG, BACKLOG)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            connections.opened(ch);
                            Router.Shared shared = new Router.Shared(connections, flaky, counter, requests);
                            Supplier<Router> routers = () -> new Router(settings.files(), shared);
                            if (settings.tls() != null) {
                                ch.pipeline().addLast(settings.tls().newHandler(ch.alloc()));
                                ServerPipeline.afterTls(ch.pipeline(), routers);
                            } else {
                                ServerPipeline.plain(ch.pipeline(), routers);
                            }
                        }
                    })
                    .bind(settings.host(), settings.port()).sync().channel();
            TestServer server = new TestServer(acceptor, group, channel, connections, settings.tls() != null);
            server.requests = requests;
            return server;
        } catch (RuntimeException | InterruptedException e) {
            acceptor.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw e;
        }
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    /**
     * The server's root URL, such as {@code http://127.0.0.1:8080/}. Bound to every address
     * ({@code --bind 0.0.0.0}, which Linux makes a dual-stack {@code [::]}), it names loopback:
     * a URL one can fetch, where {@code http://[::]:8080/} is none.
     */
    public URI baseUri() {
        InetSocketAddress a = address();
        if (listensOnEveryAddress()) {
            return URI.create((tls ? "https://" : "http://") + "127.0.0.1:" + a.getPort() + "/");
        }
        String host = a.getAddress() instanceof Inet6Address
                ? "[" + a.getAddress().getHostAddress().replaceFirst("%.*", "") + "]"
                : a.getAddress().getHostAddress();
        return URI.create((tls ? "https://" : "http://") + host + ":" + a.getPort() + "/");
    }

    /** Whether the server was bound to the wildcard address rather than one interface's. */
    public boolean listensOnEveryAddress() {
        return address().getAddress().isAnyLocalAddress();
    }

    /** Connections open now and at most so far (also served as JSON at {@code /stats}). */
    public ConnectionGauge connections() {
        return connections;
    }

    /** Requests answered per path, if the settings asked for a count; else null. */
    public RequestCounts requests() {
        return requests;
    }

    /** Blocks until the server is closed (by {@link #close()} or a shutdown hook). */
    public void awaitClose() throws InterruptedException {
        channel.closeFuture().sync();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
