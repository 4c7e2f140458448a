package io.asynccrawler.fetch.netty;

import io.asynccrawler.fetch.Http2Use;
import io.asynccrawler.fetch.RateLimit;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.ssl.SslHandler;
import io.netty.resolver.AddressResolverGroup;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Builds a new pooled connection's pipeline: the --limit-rate counter ({@link ReadRateLimit}) and
 * the proxy's tunnel ({@link ProxyTunnel}) when there are any, TLS (host name checked, SNI sent)
 * for https, the HTTP/1.1 response decoder, then the exchange handler. No aggregator: bodies stream.
 * A TLS connection that offers h2 gets an {@link AlpnSwitch} to change to HTTP/2 if the server
 * picks it; {@code --http2-prior-knowledge} makes a plain one HTTP/2 at once ({@link Http2Pipeline}).
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

    /**
     * What every connection's pipeline is made with, whatever its origin.
     *
     * @param tls              the TLS context of the moment
     * @param insecure         accept any certificate
     * @param handshakeTimeout the connect timeout: a connection is up once its proxy's and TLS handshakes are done too
     * @param connections      every open connection, to close them all at once
     * @param idle             the idle connections, all origins together
     * @param resolver         looks up a server's name for a {@code socks5} proxy
     * @param rate             the job's --limit-rate, or null
     * @param http2            when connections speak HTTP/2
     */
    record Parts(ClientTls tls, boolean insecure, Duration handshakeTimeout, ChannelGroup connections, IdleConnections idle,
                 AddressResolverGroup<InetSocketAddress> resolver, RateLimit rate, Http2Use http2) {
    }

    private final Origin origin;
    private final Parts parts;
    private final OriginPools pools;

    ClientPipeline(Origin origin, Parts parts, OriginPools pools) {
        this.origin = origin;
        this.parts = parts;
        this.pools = pools;
    }

    @Override
    public void channelCreated(Channel ch) {
        parts.connections().add(ch); // leaves the group by itself when closed
        ch.closeFuture().addListener(f -> parts.idle().gone(ch)); // a server that closed an idle connection
        pools.connectionCreated(origin, ch); // its pool stays while it is open
        ChannelPipeline p = ch.pipeline();
        if (parts.rate() != null) { // first: every byte off the socket counts
            p.addLast(new ReadRateLimit(parts.rate()));
        }
        if (origin.tunnelled()) {
            p.addLast(new ProxyTunnel(origin, parts.handshakeTimeout().toMillis(), parts.resolver()));
        }
        if (origin.https()) {
            SslHandler ssl = TlsContexts.newHandler(parts.tls().now(), ch.alloc(), origin.hostForConnect(), origin.port(),
                    parts.insecure());
            ssl.setHandshakeTimeout(parts.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS);
            p.addLast(ssl);
            if (parts.tls().offersH2()) { // h2 or http/1.1: the handshake tells
                p.addLast(new AlpnSwitch(parts.handshakeTimeout().toMillis()));
            }
        } else if (parts.http2() == Http2Use.PRIOR_KNOWLEDGE && !origin.absoluteForm()) { // h2c from the first byte
            Http2Pipeline.undecided(ch).complete(Http2Pipeline.install(ch, parts.handshakeTimeout().toMillis()));
            return;
        }
        addHttp(ch, parts.handshakeTimeout(), origin.https());
    }

    /** Adds the HTTP/1.1 response decoder and the exchange handler, last in {@code ch}'s pipeline. */
    static ExchangeHandler addHttp(Channel ch, Duration handshakeTimeout, boolean tls) {
        ch.pipeline().addLast(new Http2Answer()); // an HTTP/2-only server's first frame, told as such
        ch.pipeline().addLast(new HttpResponseDecoder(DECODER)); // requests are written as bytes: RequestHead
        ExchangeHandler exchanges = new ExchangeHandler(handshakeTimeout, tls);
        ch.attr(ExchangeHandler.KEY).set(exchanges);
        ch.pipeline().addLast(exchanges);
        return exchanges;
    }
}
