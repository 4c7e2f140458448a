package io.asynccrawler.fetch.netty;

import io.asynccrawler.fetch.Urls;
import java.net.URI;
import java.util.Locale;

/** Scheme, host and port: the key of a connection pool. */
record Origin(boolean https, String host, int port) {
    static Origin of(URI uri) {
        return new Origin("https".equalsIgnoreCase(uri.getScheme()), uri.getHost().toLowerCase(Locale.ROOT), Urls.port(uri));
    }

    /** The Host header value: the port only when it is not the scheme's default. */
    String hostHeader() {
        String h = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        return port == (https ? 443 : 80) ? h : h + ":" + port;
    }

    /** The host as a resolver wants it: IPv6 literals without brackets. */
    String hostForConnect() {
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    @Override
    public String toString() {
        return (https ? "https://" : "http://") + hostHeader();
    }
}
