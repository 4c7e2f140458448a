package io.asynccrawler.fetch.netty;

import io.asynccrawler.fetch.FetchException;
import io.asynccrawler.fetch.Proxy;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.proxy.HttpProxyHandler;
import io.netty.handler.proxy.ProxyHandler;
import io.netty.handler.proxy.Socks5ProxyHandler;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * First in a tunnelled connection's pipeline (https through an HTTP proxy, anything through
 * SOCKS5): the connect arrives for one of the proxy's addresses (the pool tries each in turn, as for
 * a server), and leaves as Netty's proxy handler for that address and the server's host and port,
 * which it then connects to through the proxy. Netty's handlers take the proxy's address when
 * made, and so could not try a proxy name's addresses in turn themselves. The server's name goes
 * to the proxy unresolved (CONNECT, {@code socks5h}), or is looked up here, off the event loop, for
 * {@code socks5} (as curl).
 */
final class ProxyTunnel extends ChannelOutboundHandlerAdapter {
    private final Origin origin;
    private final long timeoutMillis;
    private final AddressResolverGroup<InetSocketAddress> resolver;

    /**
     * @param origin        the server and the proxy to reach it through
     * @param timeoutMillis what the proxy's handshake may take (the connect timeout)
     * @param resolver      looks the server's name up for {@code socks5}
     */
    ProxyTunnel(Origin origin, long timeoutMillis, AddressResolverGroup<InetSocketAddress> resolver) {
        this.origin = origin;
        this.timeoutMillis = timeoutMillis;
        this.resolver = resolver;
    }

    @Override
    public void connect(ChannelHandlerContext ctx, SocketAddress proxyAddress, SocketAddress local, ChannelPromise promise) {
        InetSocketAddress server = origin.serverAddress();
        if (origin.proxy().kind() != Proxy.Kind.SOCKS5 || !server.isUnresolved()) {
            tunnel(ctx, proxyAddress, server, local, promise);
            return;
        }
        resolver.getResolver(ctx.executor()).resolve(server).addListener((Future<InetSocketAddress> f) -> {
            if (f.isSuccess()) {
                tunnel(ctx, proxyAddress, f.getNow(), local, promise);
            } else {
                promise.tryFailure(FetchException.dns(origin.host()));
            }
        });
    }

    private void tunnel(ChannelHandlerContext ctx, SocketAddress proxyAddress, InetSocketAddress server, SocketAddress local,
                        ChannelPromise promise) {
        Proxy proxy = origin.proxy();
        ProxyHandler handler;
        if (proxy.kind() == Proxy.Kind.HTTP) {
            handler = proxy.hasCredentials() ? new HttpProxyHandler(proxyAddress, proxy.user(), proxy.password())
                    : new HttpProxyHandler(proxyAddress);
        } else {
            handler = new Socks5ProxyHandler(proxyAddress, proxy.user(), proxy.password());
        }
        handler.setConnectTimeoutMillis(timeoutMillis);
        ctx.pipeline().addBefore(ctx.name(), null, handler);
        ctx.connect(server, local, promise); // to the proxy handler, which connects to proxyAddress
        ctx.pipeline().remove(this);
    }
}
