package io.asynccrawler.fetch.netty;

import io.asynccrawler.fetch.Proxy;
import io.asynccrawler.fetch.Urls;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Scheme, host and port, and the proxy the connection goes through (null: direct): the key of a
 * connection pool, so that a connection is never shared between routes.
 */
record Origin(boolean https, String host, int port, Proxy proxy) {
    static Origin of(URI uri) {
        return of(uri, null);
    }

    static Origin of(URI uri, Proxy proxy) {
        return new Origin("https".equalsIgnoreCase(uri.getScheme()), uri.getHost().toLowerCase(Locale.ROOT), Urls.port(uri), proxy);
    }

    /** Whether requests go to an HTTP proxy in absolute form (plain http through it): no tunnel, as curl. */
    boolean absoluteForm() {
        return proxy != null && proxy.kind() == Proxy.Kind.HTTP && !https;
    }

    /** Whether the connection is a tunnel through the proxy (CONNECT, SOCKS5): the proxy's handshake comes first. */
    boolean tunnelled() {
        return proxy != null && !absoluteForm();
    }

    /** The Host header value: the port only when it is not the scheme's default; an IPv6 zone never (RFC 6874, as curl). */
    String hostHeader() {
        int zone = host.startsWith("[") ? host.indexOf('%') : -1;
        String h = zone >= 0 ? host.substring(0, zone) + "]" : host; // URI keeps IPv6 in brackets
        return port == (https ? 443 : 80) ? h : h + ":" + port;
    }

    /**
     * The host as a resolver wants it: IPv6 literals without brackets, and a zone's {@code %25}
     * (RFC 6874's way of writing {@code %} in a URL) as the {@code %} that InetAddress reads.
     */
    String hostForConnect() {
        if (!host.startsWith("[")) {
            return host;
        }
        String literal = Urls.zoneForInetAddress(host);
        return literal.substring(1, literal.length() - 1);
    }

    /**
     * Where to connect. An IP literal comes parsed, so the connect never goes through the resolver
     * (whose promise hops to a lookup thread and back, twice per connection); a name comes
     * unresolved, for the resolver to look up off the event loop.
     */
    InetSocketAddress address() {
        if (proxy != null) { // the connection goes to the proxy, each of its addresses in turn (OriginPool)
            return literalOrUnresolved(proxy.host(), proxy.port());
        }
        return serverAddress();
    }

    /** The server's own address (an IP literal parsed, a name unresolved): where a tunnel through the proxy leads. */
    InetSocketAddress serverAddress() {
        return literalOrUnresolved(hostForConnect(), port);
    }

    private static InetSocketAddress literalOrUnresolved(String h, int port) {
        // A zone (fe80::1%eth0) is left to InetAddress, through the resolver: Netty's parser drops it.
        byte[] literal = h.indexOf('%') >= 0 ? null : NetUtil.createByteArrayFromIpAddressString(h);
        if (literal == null) {
            return InetSocketAddress.createUnresolved(h, port);
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(h, literal), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("not an IP address after all: " + h, e); // 4 or 16 bytes: cannot happen
        }
    }

    // Written out: the generated record methods go through method handles, several times slower
    // when interpreted or compiled by C1, and every request looks its pool up by Origin.
    @Override
    public int hashCode() {
        return ((host.hashCode() * 31 + port) * 2 + (https ? 1 : 0)) * 31 + (proxy == null ? 0 : proxy.hashCode());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Origin && ((Origin) o).https == https && ((Origin) o).port == port && ((Origin) o).host.equals(host)
                && (proxy == null ? ((Origin) o).proxy == null : proxy.equals(((Origin) o).proxy));
    }

    @Override
    public String toString() {
        return (https ? "https://" : "http://") + hostHeader();
    }
}
