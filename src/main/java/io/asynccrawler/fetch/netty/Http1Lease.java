package io.asynccrawler.fetch.netty;

import io.asynccrawler.fetch.FetchException;
import io.asynccrawler.fetch.Protocol;
import io.asynccrawler.fetch.Request;
import io.asynccrawler.fetch.WireLog;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.pool.ChannelPool;
import java.nio.charset.StandardCharsets;

/**
 * A pooled HTTP/1.1 connection lent to one exchange, and where it goes back. Its
 * {@link ExchangeHandler} reads the response for the exchange.
 */
final class Http1Lease implements Lease {
    private final Channel channel;
    private final ChannelPool pool;
    private final Origin origin;
    private final ExchangeRules rules;
    private ExchangeHandler handler;

    /**
     * @param channel the connection
     * @param pool    its Origin's pool
     * @param origin  the Origin it is connected to
     * @param rules   whether a connection goes back to the pool, and the idle ones' cap
     */
    Http1Lease(Channel channel, ChannelPool pool, Origin origin, ExchangeRules rules) {
        this.channel = channel;
        this.pool = pool;
        this.origin = origin;
        this.rules = rules;
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public Origin origin() {
        return origin;
    }

    @Override
    public Protocol protocol() {
        return Protocol.HTTP_1_1;
    }

    @Override
    public FetchException begin(NettyExchange exchange) {
        handler = channel.attr(ExchangeHandler.KEY).get(); // there even once a closed channel's pipeline is emptied
        handler.begin(exchange);
        if (!channel.isActive()) { // closed since the pool handed it over: a failed handshake, a server that hung up
            return handler.lost() != null ? handler.lost() : FetchException.closedBeforeResponse();
        }
        return null;
    }

    @Override
    public ChannelFuture send(Request request) {
        ByteBuf head = RequestHead.encode(channel.alloc(), origin, request);
        if (WireLog.enabled()) {
            WireLog.sent(request.uri(), head.toString(StandardCharsets.ISO_8859_1));
        }
        return channel.writeAndFlush(head);
    }

    @Override
    public void release(boolean reusable) {
        // From here on what arrives goes nowhere: bytes after the response (a server that does not
        // frame its responses right) close the connection (ExchangeHandler).
        if (handler != null) { // null only if released before begin
            handler.end();
        }
        if (!reusable || !rules.keepIdle().getAsBoolean()) {
            channel.close();
        } else {
            ReadGate.of(channel).openAll();
            rules.idle().released(channel);
        }
        pool.release(channel);
    }

    @Override
    public boolean inHandshake() {
        return origin.https() && handler != null && !handler.handshaken();
    }

    /** A failure on a kept-alive connection before any response byte: the server closed it as the request went out. */
    @Override
    public boolean replayable(FetchException failure, boolean headSeen) {
        return !headSeen && handler != null && handler.reused() && Failures.ofStaleConnection(failure);
    }
}
