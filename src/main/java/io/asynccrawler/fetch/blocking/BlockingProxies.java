package io.asynccrawler.fetch.blocking;

import io.asynccrawler.fetch.FetchException;
import io.asynccrawler.fetch.Proxy;
import java.io.IOException;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proxies for HttpURLConnection: an HTTP proxy as the JDK speaks it (plain http in absolute form,
 * https through CONNECT), SOCKS5 through the JDK's socket. The JDK asks an {@link Authenticator}
 * for a proxy's credentials: each connection gets one that answers its HTTP proxy alone; SOCKS
 * asks the JVM's default, which answers the SOCKS proxies given to this process, by host and port.
 * The JDK's SOCKS client looks a server's name up itself and sends the proxy the address when it
 * can, the name only when it cannot: {@code socks5h} is kept to the letter by the event loop.
 */
public final class BlockingProxies {
    /** What the JDK says when a CONNECT is answered with an error: the proxy's status line in quotes. */
    private static final Pattern TUNNEL_STATUS = Pattern.compile("Proxy returns \"HTTP/\\d(?:\\.\\d)? (\\d{3})([^\"]*)\"");
    /** The SOCKS proxies with credentials, by host:port, for the JVM's default authenticator. */
    private static final Map<String, Proxy> SOCKS_CREDENTIALS = new ConcurrentHashMap<>();
    private static final String DISABLED_TUNNELING_SCHEMES = "jdk.http.auth.tunneling.disabledSchemes";

    private BlockingProxies() {
    }

    /**
     * Lets the JDK send Basic credentials to an HTTP proxy for a CONNECT tunnel, as curl does when
     * the user gives them: by default it does not. Read once, when HttpURLConnection loads: a
     * command line calls this first thing; a -D given wins.
     */
    public static void allowBasicForTunnels() {
        if (System.getProperty(DISABLED_TUNNELING_SCHEMES) == null) {
            System.setProperty(DISABLED_TUNNELING_SCHEMES, "");
        }
    }

    /** The JDK's proxy for {@code proxy}; its name is looked up by the JDK as it connects. */
    static java.net.Proxy of(Proxy proxy) {
        java.net.Proxy.Type type = proxy.kind() == Proxy.Kind.HTTP ? java.net.Proxy.Type.HTTP : java.net.Proxy.Type.SOCKS;
        if (type == java.net.Proxy.Type.SOCKS && proxy.hasCredentials()) {
            answerSocks(proxy);
        }
        return new java.net.Proxy(type, InetSocketAddress.createUnresolved(proxy.host(), proxy.port()));
    }

    /** The authenticator for one connection through the HTTP proxy {@code proxy}: it answers that proxy and nobody else. */
    static Authenticator forConnection(Proxy proxy) {
        return new ProxyAuthenticator() {
            @Override
            Proxy proxyAsking() {
                return proxy;
            }
        };
    }

    private static synchronized void answerSocks(Proxy proxy) {
        if (SOCKS_CREDENTIALS.isEmpty()) {
            Authenticator.setDefault(new ProxyAuthenticator() {
                @Override
                Proxy proxyAsking() {
                    return SOCKS_CREDENTIALS.get(key(getRequestingHost(), getRequestingPort()));
                }
            });
        }
        SOCKS_CREDENTIALS.put(key(proxy.host(), proxy.port()), proxy);
    }

    /**
     * Answers a proxy's request for credentials with the ones given for it; a server's 401 is never
     * answered. The JDK's SOCKS client asks as a "server" of protocol SOCKS5, its HTTP client as a proxy.
     */
    private abstract static class ProxyAuthenticator extends Authenticator {
        /** The proxy, with credentials, that may be asking now; null if none. */
        abstract Proxy proxyAsking();

        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
            Proxy p = proxyAsking();
            boolean proxyAsks = getRequestorType() == RequestorType.PROXY || "SOCKS5".equals(getRequestingProtocol());
            boolean mine = p != null && proxyAsks && p.host().equalsIgnoreCase(getRequestingHost())
                    && p.port() == getRequestingPort();
            return mine ? new PasswordAuthentication(p.user(), p.password().toCharArray()) : null;
        }
    }

    private static String key(String host, int port) {
        return String.valueOf(host).toLowerCase(Locale.ROOT) + ":" + port;
    }

    /**
     * What the JDK threw while going through {@code proxy} to reach {@code destination}, in the
     * words of the proxy reasons; null when it was not the proxy's doing.
     */
    static FetchException failure(IOException e, Proxy proxy, String destination) {
        String message = String.valueOf(e.getMessage());
        Matcher status = TUNNEL_STATUS.matcher(message);
        if (status.find()) {
            String answer = status.group(1) + status.group(2);
            // tinyproxy answers credentials it refuses with a 401: to a CONNECT, only the proxy answers
            return status.group(1).equals("407") || status.group(1).equals("401") ? FetchException.proxyAuth(proxy, answer) : FetchException.proxyRefused(proxy, destination, answer);
        }
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("socks")) { // SocksSocketImpl: "SOCKS : authentication failed", "SOCKS: Connection refused", ...
            String answer = message.replaceFirst("^SOCKS ?: ?", "");
            return lower.contains("authentication") || lower.contains("no acceptable methods") ? FetchException.proxyAuth(proxy, answer)
                    : FetchException.proxyRefused(proxy, destination, answer.toLowerCase(Locale.ROOT));
        }
        return null;
    }
}
