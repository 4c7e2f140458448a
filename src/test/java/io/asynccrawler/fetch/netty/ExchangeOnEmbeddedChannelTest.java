package io.asynccrawler.fetch.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asynccrawler.fetch.FetchException;
import io.asynccrawler.fetch.Reason;
import io.asynccrawler.fetch.Request;
import io.asynccrawler.testing.RecordingReceiver;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.pool.ChannelPool;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One exchange on a connection's real pipeline (the HTTP decoder and the exchange handler) with
 * the bytes written in by hand: interim responses, a body that ends with the connection, and
 * bytes a server sends when no exchange holds the connection.
 */
class ExchangeOnEmbeddedChannelTest {
    private final ExecutorService disk = Executors.newSingleThreadExecutor();
    private final AtomicInteger released = new AtomicInteger();
    private EmbeddedChannel channel;

    @AfterEach
    void stop() {
        if (channel != null) {
            channel.finishAndReleaseAll();
        }
        disk.shutdownNow();
    }

    /** A pool that only counts what comes back to it. */
    private final ChannelPool pool = new ChannelPool() {
        @Override
        public Future<Channel> acquire() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Future<Channel> acquire(Promise<Channel> promise) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Future<Void> release(Channel ch) {
            released.incrementAndGet();
            return ImmediateEventExecutor.INSTANCE.newSucceededFuture(null);
        }

        @Override
        public Future<Void> release(Channel ch, Promise<Void> promise) {
            return release(ch);
        }

        @Override
        public void close() {
        }
    };

    /** Starts an exchange for {@code url} on a new embedded connection; the request it wrote is dropped. */
    private NettyExchange start(String url, RecordingReceiver receiver) {
        channel = new EmbeddedChannel();
        URI uri = URI.create(url);
        ClientPipeline.addHttp(channel, Duration.ofSeconds(10), Origin.of(uri).https());
        ExchangeRules rules = new ExchangeRules(Duration.ofSeconds(30), null, disk, () -> true, new IdleConnections(8),
                FileSlots.UNBOUNDED);
        NettyExchange exchange = new NettyExchange(new Http1Lease(channel, pool, Origin.of(uri), rules), new Request(uri, List.of()),
                receiver, rules);
        exchange.start();
        ByteBuf request = channel.readOutbound();
        assertThat(request.toString(StandardCharsets.US_ASCII)).startsWith("GET " + uri.getRawPath() + " HTTP/1.1\r\n");
        request.release();
        return exchange;
    }

    private void serverSends(String bytes) {
        channel.writeInbound(Unpooled.copiedBuffer(bytes, StandardCharsets.ISO_8859_1));
    }

    private static void awaitOk(NettyExchange exchange) throws Exception {
        exchange.completion().get(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"100 Continue", "102 Processing", "103 Early Hints\r\nLink: </style.css>; rel=preload"})
    void anInterimResponseIsReadPastToTheRealOne(String interim) throws Exception {
        RecordingReceiver receiver = new RecordingReceiver();
        NettyExchange exchange = start("http://h.example/page", receiver);
        serverSends("HTTP/1.1 " + interim + "\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello");
        awaitOk(exchange);
        assertThat(receiver.calls()).containsExactly("head 200", "body>", "body< 5", "end");
        assertThat(channel.isOpen()).as("kept alive").isTrue();
        assertThat(released).hasValue(1);
    }

    @Test
    void aBodyWithoutLengthEndsWithTheConnection() throws Exception {
        RecordingReceiver receiver = new RecordingReceiver();
        NettyExchange exchange = start("http://h.example/old-server", receiver);
        serverSends("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nhello, ");
        serverSends("world");
        assertThat(exchange.completion()).as("not ended until the connection is").isNotDone();
        channel.close();
        awaitOk(exchange);
        assertThat(receiver.calls()).containsExactly("head 200", "body>", "body< 7", "body>", "body< 5", "end");
        assertThat(released).hasValue(1);
    }

    @Test
    void overTlsABodyWithoutLengthCutWithoutCloseNotifyIsTruncated() throws Exception {
        RecordingReceiver receiver = new RecordingReceiver();
        NettyExchange exchange = start("https://h.example/cut", receiver);
        serverSends("HTTP/1.1 200 OK\r\n\r\nhalf of it");
        channel.close(); // a TCP close an attacker could forge: no TLS close_notify came first
        assertThatThrownBy(() -> awaitOk(exchange)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(FetchException.class)
                .satisfies(e -> assertThat(((FetchException) e).reason()).isEqualTo(Reason.TRUNCATED));
        assertThat(receiver.calls()).endsWith("abort").doesNotContain("end");
    }

    @Test
    void bytesOnAConnectionNoExchangeHoldsCloseIt() throws Exception {
        RecordingReceiver receiver = new RecordingReceiver();
        NettyExchange exchange = start("http://h.example/one", receiver);
        serverSends("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        awaitOk(exchange);
        assertThat(channel.isOpen()).isTrue();

        serverSends("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nno"); // nobody asked: the protocol is broken
        assertThat(channel.isOpen()).as("closed, not kept for the next request").isFalse();
        assertThat(receiver.calls()).containsExactly("head 200", "body>", "body< 2", "end");
    }

    @Test
    void bytesAfterTheResponseOnTheSameReadCloseTheConnection() throws Exception {
        RecordingReceiver receiver = new RecordingReceiver();
        NettyExchange exchange = start("http://h.example/extra", receiver);
        serverSends("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        awaitOk(exchange);
        assertThat(receiver.calls()).containsExactly("head 200", "body>", "body< 2", "end");
        assertThat(channel.isOpen()).isFalse();
    }
}
