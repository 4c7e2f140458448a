package io.asynccrawler.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.asynccrawler.transport.Transport;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The server holds many connections at once while each waits on {@code /delay/1000}. The unit suite
 * opens 1,000 against an in-process server; {@code bench/serve-connections.sh} runs this same test
 * with {@code -Dserve.connections=10000} against a separate {@code crawler serve} process
 * ({@code -Dserve.url=...}), so client and server do not share one process's file descriptors.
 * The client is a bare Netty client that first opens every connection, then sends every request,
 * so all of them wait on the server at the same time; serially they would take CONNECTIONS seconds.
 */
class ManyConnectionsTest {
    private static final int CONNECTIONS = Integer.getInteger("serve.connections", 1000);
    private static final String EXTERNAL = System.getProperty("serve.url");
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String REQUEST = "GET /delay/1000 HTTP/1.1\r\nHost: load\r\nConnection: close\r\n\r\n";

    @Test
    void holdsEveryConnectionOpenAtOnce() throws Exception {
        if (EXTERNAL != null) {
            holds(URI.create(EXTERNAL));
        } else {
            try (TestServer server = TestServer.start("127.0.0.1", 0, null, Transport.auto())) {
                holds(server.baseUri());
                assertThat(server.connections().peak()).isGreaterThanOrEqualTo(CONNECTIONS);
            }
        }
    }

    private static void holds(URI base) throws Exception {
        AtomicInteger answered = new AtomicInteger();
        CountDownLatch connected = new CountDownLatch(CONNECTIONS);
        CountDownLatch done = new CountDownLatch(CONNECTIONS);
        List<Channel> channels = new CopyOnWriteArrayList<>();
        EventLoopGroup group = Transport.auto().newGroup(1, new DefaultThreadFactory("load", true));
        long start;
        try {
            Bootstrap bootstrap = new Bootstrap().group(group).channel(Transport.auto().socketChannel())
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new OneRequest(answered, done));
                        }
                    });
            for (int i = 0; i < CONNECTIONS; i++) {
                bootstrap.connect(base.getHost(), base.getPort()).addListener((ChannelFutureListener) f -> {
                    if (f.isSuccess()) {
                        channels.add(f.channel());
                    } else {
                        done.countDown();
                    }
                    connected.countDown();
                });
            }
            assertThat(connected.await(LIMIT.toSeconds(), TimeUnit.SECONDS)).as("all connected in time").isTrue();
            start = System.nanoTime();
            for (Channel channel : channels) {
                channel.writeAndFlush(Unpooled.copiedBuffer(REQUEST, StandardCharsets.US_ASCII));
            }
            assertThat(done.await(LIMIT.toSeconds(), TimeUnit.SECONDS)).as("all answered in time").isTrue();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertThat(answered.get()).isEqualTo(CONNECTIONS);
        HttpResponse<String> stats = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(base.resolve("/stats")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher peak = Pattern.compile("\"peak\": (\\d+)").matcher(stats.body());
        assertThat(peak.find()).isTrue();
        assertThat(Integer.parseInt(peak.group(1))).isGreaterThanOrEqualTo(CONNECTIONS);
        // One after another these would take CONNECTIONS seconds; a tenth of that proves they overlapped
        // without making a noisy machine's timing the test (the benchmark measures how fast).
        assertThat(elapsed).as("answered in parallel").isLessThan(Duration.ofSeconds(Math.max(10, CONNECTIONS / 10)));
        System.out.printf("%d open connections, each waiting on /delay/1000, all answered %.2f s after the"
                        + " requests were sent (server peak: %s open at once)%n",
                CONNECTIONS, elapsed.toMillis() / 1000.0, peak.group(1));
    }

    /** Counts the connection as answered if a 200 with its JSON arrives. */
    private static final class OneRequest extends SimpleChannelInboundHandler<ByteBuf> {
        private final AtomicInteger answered;
        private final CountDownLatch done;
        private final StringBuilder received = new StringBuilder();

        OneRequest(AtomicInteger answered, CountDownLatch done) {
            this.answered = answered;
            this.done = done;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
            received.append(msg.toString(StandardCharsets.US_ASCII));
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (received.indexOf("HTTP/1.1 200") == 0 && received.indexOf("\"delay_ms\": 1000") > 0) {
                answered.incrementAndGet();
            }
            done.countDown();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
