package io.asynccrawler.fetch.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.ssl.SslHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Builds a new pooled connection's pipeline: TLS (host name checked, SNI sent) for https, the
 * HTTP/1.1 response decoder, then the exchange handler. No aggregator: bodies stream.
 */
final class ClientPipeline extends AbstractChannelPoolHandler {
    /**
     * Status line and header limits: larger responses are refused as bad, not buffered. The header
     * section may hold 300 KiB, as curl's (whose one line may be 100 KiB): servers send 70 KB
     * cookies and policy headers, which curl and wget2 take. A head is read once per response, so
     * the bound costs memory only while such a head is read.
     */
    private static final int MAX_INITIAL_LINE = 8 * 1024;
    static final int MAX_HEADER_BYTES = 300 * 1024;
    /** Largest piece of body the codec hands over at once. */
    private static final int MAX_CHUNK = 64 * 1024;

    /**
     * A bare LF ending a line is accepted, as RFC 9112 §2.2 allows a recipient to and as curl and
     * browsers do (the strict default guards servers against request smuggling, not clients).
     */
    private static final HttpDecoderConfig DECODER = new HttpDecoderConfig()
            .setMaxInitialLineLength(MAX_INITIAL_LINE)
            .setMaxHeaderSize(MAX_HEADER_BYTES)
            .setMaxChunkSize(MAX_CHUNK)
            .setStrictLineParsing(false)
            .setUseRfc9112TransferEncoding(true);

    private final Origin origin;
    private final ClientTls tls;
    private final boolean insecure;
    /** The connect timeout: a connection is up once its TLS handshake is done too. */
    private final Duration handshakeTimeout;
    private final ChannelGroup connections;
    private final IdleConnections idle;
    private final OriginPools pools;

    ClientPipeline(Origin origin, ClientTls tls, boolean insecure, Duration handshakeTimeout, ChannelGroup connections,
                   IdleConnections idle, OriginPools pools) {
        this.pools = pools;
        this.connections = connections;
        this.idle = idle;
        this.origin = origin;
        this.tls = tls;
        this.insecure = insecure;
        this.handshakeTimeout = handshakeTimeout;
    }

    @Override
    public void channelCreated(Channel ch) {
        connections.add(ch); // leaves the group by itself when closed
        ch.closeFuture().addListener(f -> idle.gone(ch)); // a server that closed an idle connection
        pools.connectionCreated(origin, ch); // its pool stays while it is open
        ChannelPipeline p = ch.pipeline();
        if (origin.https()) {
            SslHandler ssl = TlsContexts.newHandler(tls.now(), ch.alloc(), origin.hostForConnect(), origin.port(), insecure);
            ssl.setHandshakeTimeout(handshakeTimeout.toMillis(), TimeUnit.MILLISECONDS);
            p.addLast(ssl);
        }
        addHttp(ch, handshakeTimeout);
    }

    /** Adds the HTTP/1.1 response decoder and the exchange handler, last in {@code ch}'s pipeline. */
    static ExchangeHandler addHttp(Channel ch, Duration handshakeTimeout) {
        ch.pipeline().addLast(new Http2Answer()); // an HTTP/2-only server's first frame, told as such
        ch.pipeline().addLast(new HttpResponseDecoder(DECODER)); // requests are written as bytes: RequestHead
        ExchangeHandler exchanges = new ExchangeHandler(handshakeTimeout);
        ch.attr(ExchangeHandler.KEY).set(exchanges);
        ch.pipeline().addLast(exchanges);
        return exchanges;
    }
}
