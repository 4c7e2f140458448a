package io.asynccrawler.fetch.netty;

import io.asynccrawler.fetch.FetchException;
import io.asynccrawler.fetch.Redirects;
import io.asynccrawler.fetch.ResponseHead;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslCloseCompletionEvent;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;

/**
 * The last handler of an HTTP/1.1 client connection: reads each response (skipping 1xx ones, telling
 * how it is framed) for the exchange under way, if any, as a head, body pieces and an end.
 */
final class ExchangeHandler extends ChannelInboundHandlerAdapter {
    /** Each connection's handler, also where its pipeline no longer holds it (a closed channel's is emptied). */
    static final AttributeKey<ExchangeHandler> KEY = AttributeKey.valueOf(ExchangeHandler.class, "handler");

    /** What the TLS handshake may take (the connect timeout), for its failure's words. */
    private final Duration handshakeTimeout;
    /** The connection is TLS: a body only a close ends must end with close_notify. */
    private final boolean tls;
    private NettyExchange current;
    private int exchanges;
    /** Why the connection ended while no exchange held it (a failed handshake), or null. */
    private FetchException lost;
    /** The TLS handshake succeeded (never, on http). */
    private boolean handshaken;
    /** The TLS handshake agreed no ALPN protocol to our http/1.1 (an HTTP/2-only server may then close). */
    private boolean noProtocolAgreed;
    /** Of the current response: a 1xx response was read and its end has not been yet. */
    private boolean interim;
    private boolean keepAlive;
    private boolean closeDelimited;
    private boolean tlsClosedCleanly;

    ExchangeHandler(Duration handshakeTimeout, boolean tls) {
        this.handshakeTimeout = handshakeTimeout;
        this.tls = tls;
    }

    /** Called on the event loop when an exchange takes the connection. */
    void begin(NettyExchange exchange) {
        current = exchange;
        exchanges++;
        interim = false;
        tlsClosedCleanly = false;
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
        try {
            if (!current.arrived()) {
                return;
            }
            if (msg instanceof HttpResponse && !onHead((HttpResponse) msg)) {
                return;
            }
            if (interim) {
                // the (empty) end of a 1xx response: the real response follows
                interim = !(msg instanceof LastHttpContent);
                return;
            }
            if (msg instanceof HttpContent) {
                onContent((HttpContent) msg);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    /** False when nothing more of {@code response} is for the exchange (a failure, a 1xx, an unframed redirect's end). */
    private boolean onHead(HttpResponse response) {
        if (response.decoderResult().isFailure()) {
            current.fail(FetchException.badResponse(String.valueOf(response.decoderResult().cause().getMessage())));
            return false;
        }
        int status = response.status().code();
        if (status >= 100 && status < 200) {
            interim = !(response instanceof LastHttpContent); // 100 Continue, 103 Early Hints: the real one follows
            return false;
        }
        keepAlive = HttpUtil.isKeepAlive(response);
        closeDelimited = !HttpUtil.isContentLengthSet(response) && !HttpUtil.isTransferEncodingChunked(response);
        ResponseHead head = ResponseHead.ofEntries(status, response.status().reasonPhrase(), response.headers(),
                response.headers().size(), System.nanoTime());
        current.head(head);
        if (closeDelimited && Redirects.isUnframed(head)) {
            current.end(false); // a redirect only a close would end (its Location is all it says): ends now, closed
            return false;
        }
        return true;
    }

    private void onContent(HttpContent content) {
        if (content.decoderResult().isFailure()) {
            current.fail(FetchException.badResponse(String.valueOf(content.decoderResult().cause().getMessage())));
            return;
        }
        ByteBuf bytes = content.content();
        NettyExchange exchange = current; // body() may end it (a receiver that wants no more), which clears current
        if (bytes.isReadable()) {
            exchange.body(bytes);
        }
        if (content instanceof LastHttpContent && current == exchange) {
            if (closeDelimited && tls && !tlsClosedCleanly) {
                exchange.fail(FetchException.truncated("TLS connection closed without close_notify"));
                return;
            }
            exchange.end(keepAlive && !closeDelimited);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (current != null && !current.ended()) { // ended: the response was complete, the server just closed after it
            current.fail(Failures.closed(current.headSeen(), this));
        }
        super.channelInactive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof SslCloseCompletionEvent && ((SslCloseCompletionEvent) evt).isSuccess()) {
            tlsClosedCleanly = true;
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
            // before any exchange took the connection: a proxy that refused the tunnel as the pool handed
            // it over, a failed handshake (whose event, told apart, may have come first)
            if (lost == null) {
                lost = Failures.during(cause);
            }
            ctx.close();
        }
    }
}
