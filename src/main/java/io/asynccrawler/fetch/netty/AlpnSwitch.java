package io.asynccrawler.fetch.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Sits behind the TLS handler of a connection that offered h2 by ALPN. When the handshake ends it
 * sets the pipeline up for what the server picked (HTTP/2's handlers in place of HTTP/1.1's for
 * {@code h2}) and completes the connection's {@link Http2Pipeline#decided} future; what arrives
 * before (a server may send its SETTINGS at once) is held and passed on after, as Netty's
 * ApplicationProtocolNegotiationHandler does. A failed handshake completes the future with its
 * failure and passes on to the HTTP/1.1 handler, which tells the exchange why.
 */
final class AlpnSwitch extends ChannelInboundHandlerAdapter {
    private final long settingsTimeoutMillis;
    private final List<Object> held = new ArrayList<>(2);
    private CompletableFuture<Http2Session> decided;

    AlpnSwitch(long settingsTimeoutMillis) {
        this.settingsTimeoutMillis = settingsTimeoutMillis;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        decided = Http2Pipeline.undecided(ctx.channel());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        held.add(msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof SslHandshakeCompletionEvent) {
            SslHandshakeCompletionEvent handshake = (SslHandshakeCompletionEvent) evt;
            Http2Session session = null;
            if (handshake.isSuccess() && ApplicationProtocolNames.HTTP_2.equals(ctx.pipeline().get(SslHandler.class).applicationProtocol())) {
                session = Http2Pipeline.install(ctx.channel(), settingsTimeoutMillis);
            }
            ctx.fireUserEventTriggered(evt);
            ctx.pipeline().remove(this); // handlerRemoved passes on what was held
            if (handshake.isSuccess()) {
                decided.complete(session);
            } else {
                decided.completeExceptionally(handshake.cause()); // told nothing of the protocol
            }
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        for (Object msg : held) {
            ctx.fireChannelRead(msg);
        }
        if (!held.isEmpty()) {
            ctx.fireChannelReadComplete();
        }
        held.clear();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        // closed before the handshake ended: told nothing of the protocol; the HTTP/1.1 handler tells why
        decided.completeExceptionally(new ClosedChannelException());
        super.channelInactive(ctx);
    }
}
