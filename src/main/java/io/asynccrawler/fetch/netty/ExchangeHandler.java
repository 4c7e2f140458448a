package io.asynccrawler.fetch.netty;

import io.asynccrawler.fetch.FetchException;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslCloseCompletionEvent;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;

/** The last handler of a client connection: hands what arrives to the exchange under way, if any. */
final class ExchangeHandler extends ChannelInboundHandlerAdapter {
    /** Each connection's handler, also where its pipeline no longer holds it (a closed channel's is emptied). */
    static final AttributeKey<ExchangeHandler> KEY = AttributeKey.valueOf(ExchangeHandler.class, "handler");

    /** What the TLS handshake may take (the connect timeout), for its failure's words. */
    private final Duration handshakeTimeout;
    private NettyExchange current;
    private int exchanges;
    /** Why the connection ended while no exchange held it (a failed handshake), or null. */
    private FetchException lost;
    /** The TLS handshake succeeded (never, on http). */
    private boolean handshaken;
    /** The TLS handshake agreed no ALPN protocol to our http/1.1 (an HTTP/2-only server may then close). */
    private boolean noProtocolAgreed;

    ExchangeHandler(Duration handshakeTimeout) {
        this.handshakeTimeout = handshakeTimeout;
    }

    /** Called on the event loop when an exchange takes the connection. */
    void begin(NettyExchange exchange) {
        current = exchange;
        exchanges++;
    }

    /** Why the connection ended while no exchange held it, or null: the exchange that begins next fails so. */
    FetchException lost() {
        return lost;
    }

    /** Whether the connection's TLS handshake succeeded. */
    boolean handshaken() {
        return handshaken;
    }

    /** Whether the handshake agreed no protocol: with a close before any answer, the sign of an HTTP/2-only server. */
    boolean noProtocolAgreed() {
        return noProtocolAgreed;
    }

    /** Whether an earlier exchange used this connection (so the server may have closed it meanwhile). */
    boolean reused() {
        return exchanges > 1;
    }

    /** Called on the event loop when the exchange gives the connection back. */
    void end() {
        current = null;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (current == null) {
            // Bytes on an idle pooled connection: the server broke the protocol; drop the connection.
            ReferenceCountUtil.release(msg);
            ctx.close();
            return;
        }
        current.onMessage(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (current != null) {
            current.onInactive();
        }
        super.channelInactive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof SslCloseCompletionEvent && ((SslCloseCompletionEvent) evt).isSuccess() && current != null) {
            current.onTlsClosedCleanly();
        } else if (evt instanceof SslHandshakeCompletionEvent && ((SslHandshakeCompletionEvent) evt).isSuccess()) {
            handshaken = true;
            SslHandler ssl = ctx.pipeline().get(SslHandler.class);
            noProtocolAgreed = ssl != null && ssl.applicationProtocol() == null;
        } else if (evt instanceof SslHandshakeCompletionEvent) {
            Throwable cause = ((SslHandshakeCompletionEvent) evt).cause();
            if (current != null) {
                current.fail(Failures.handshake(cause, handshakeTimeout));
            } else {
                lost = Failures.handshake(cause, handshakeTimeout);
                ctx.close();
            }
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (current != null) {
            current.fail(Failures.during(cause));
        } else {
            // before any exchange took the connection: a proxy that refused the tunnel as the pool handed it over
            lost = Failures.during(cause);
            ctx.close();
        }
    }
}
