package io.asynccrawler.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * A proxy a URL goes through, as {@code -x} or {@code http_proxy} names it:
 * {@code [scheme://][user[:password]@]host[:port]}, the scheme {@code http} when left out and the
 * port 1080 (both as curl). The password never appears in {@link #toString()}.
 *
 * @param kind     how the proxy is spoken to
 * @param host     its name or address (an IPv6 literal without brackets)
 * @param port     its port
 * @param user     the user name for the proxy (Basic for HTTP, username/password for SOCKS5), or null
 * @param password the password, or null
 */
public record Proxy(Kind kind, String host, int port, String user, String password) {
    /** curl's default proxy port, for every kind. */
    public static final int DEFAULT_PORT = 1080;

    /** How a proxy is spoken to. */
    public enum Kind {
        /** HTTP: plain http as an absolute-form request to it, https through a CONNECT tunnel. */
        HTTP("http"),
        /** SOCKS5, names looked up here and the address sent. */
        SOCKS5("socks5"),
        /** SOCKS5, the name sent for the proxy to look up. */
        SOCKS5H("socks5h");

        private final String scheme;

        Kind(String scheme) {
            this.scheme = scheme;
        }

        public String scheme() {
            return scheme;
        }
    }

    /**
     * The proxy {@code spec} names; an IllegalArgumentException whose message says what is wrong
     * with it (for the caller to prefix with where it came from).
     */
    public static Proxy parse(String spec) {
        String s = spec.strip();
        String scheme = "http";
        int sep = s.indexOf("://");
        if (sep >= 0) {
            scheme = s.substring(0, sep).toLowerCase(Locale.ROOT);
        } else {
            s = "http://" + s;
        }
        Kind kind = kindOf(scheme);
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a proxy URL: " + e.getReason());
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("no proxy host in it");
        }
        String path = uri.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/") || uri.getRawQuery() != null) {
            throw new IllegalArgumentException("a proxy URL is scheme://host:port, without a path");
        }
        String host = uri.getHost();
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        String user = null;
        String password = null;
        String info = uri.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? "" : decode(info.substring(colon + 1));
        }
        return new Proxy(kind, host.toLowerCase(Locale.ROOT), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), user, password);
    }

    private static Kind kindOf(String scheme) {
        for (Kind k : Kind.values()) {
            if (k.scheme.equals(scheme)) {
                return k;
            }
        }
        if (scheme.equals("https")) {
            throw new IllegalArgumentException("a TLS connection to the proxy itself (https://) is not supported: use http://,"
                    + " https URLs still go through it encrypted");
        }
        if (scheme.startsWith("socks4")) {
            throw new IllegalArgumentException("SOCKS4 is not supported: use socks5:// or socks5h://");
        }
        throw new IllegalArgumentException("unknown proxy scheme " + scheme + "://: use http://, socks5:// or socks5h://");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Whether a user name was given: credentials go to the proxy, and to nobody else. */
    public boolean hasCredentials() {
        return user != null;
    }

    /** The {@code Proxy-Authorization} value for an HTTP proxy (Basic, RFC 7617, UTF-8), or null without credentials. */
    public String basicAuthorization() {
        if (user == null) {
            return null;
        }
        String pair = user + ":" + password;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** host:port, the IPv6 literal in brackets. */
    public String authority() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** The proxy as a URL for people: the user name kept, the password never. */
    @Override
    public String toString() {
        return kind.scheme + "://" + (user == null ? "" : user + (password == null ? "" : ":***") + "@") + authority();
    }
}
