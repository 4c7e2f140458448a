package io.asynccrawler.fetch.netty;

import io.asynccrawler.fetch.Durations;
import io.asynccrawler.fetch.FetchException;
import io.asynccrawler.fetch.Proxy;
import io.asynccrawler.fetch.Reason;
import io.asynccrawler.fetch.SocketErrors;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.proxy.ProxyConnectException;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;

/** Turns what Netty and the JDK throw into the report's stable failure words. */
final class Failures {
    private Failures() {
    }

    /**
     * Whether {@code failure}, before any response byte on a kept-alive connection, is what a server
     * that closed that connection as the request went out causes.
     */
    static boolean ofStaleConnection(Throwable failure) {
        if (!(failure instanceof FetchException)) {
            return false;
        }
        Reason reason = ((FetchException) failure).reason();
        // bad_response: bytes an earlier response left behind, unseen when it ended, spoil this head
        return reason == Reason.CLOSED || reason == Reason.CONNECTION_RESET || reason == Reason.BAD_RESPONSE;
    }

    static FetchException connect(Throwable cause, Origin origin, Duration connectTimeout) {
        if (cause instanceof FetchException) {
            return (FetchException) cause;
        }
        if (origin.proxy() != null) { // the connection goes to the proxy: it is what could not be reached
            return proxyConnect(cause, origin.proxy(), connectTimeout);
        }
        if (cause instanceof ConnectTimeoutException) {
            return FetchException.connectTimeout(connectTimeout);
        }
        if (cause instanceof OffLoopResolver.LookupTimeout) {
            return FetchException.lookupTimeout(origin.host(), connectTimeout);
        }
        if (cause instanceof UnknownHostException) {
            return FetchException.dns(origin.host());
        }
        if (cause instanceof ConnectException && SocketErrors.refused(cause)) {
            return FetchException.connectRefused(origin.toString());
        }
        if (cause instanceof NoRouteToHostException || cause instanceof ConnectException) {
            return new FetchException(Reason.CONNECT_ERROR, "cannot connect to " + origin + ": " + connectError(cause), true);
        }
        if (SocketErrors.tooManyOpenFiles(cause)) { // making the socket
            return new FetchException(Reason.CONNECT_ERROR, "cannot connect to " + origin + ": too many open files (ulimit -n)", true);
        }
        return during(cause);
    }

    private static FetchException proxyConnect(Throwable cause, Proxy proxy, Duration connectTimeout) {
        if (cause instanceof ConnectTimeoutException) {
            return FetchException.proxyConnect(proxy, "timed out after " + Durations.format(connectTimeout));
        }
        if (cause instanceof UnknownHostException) {
            return FetchException.proxyConnect(proxy, "cannot resolve host " + proxy.host());
        }
        if (cause instanceof ConnectException && SocketErrors.refused(cause)) {
            return FetchException.proxyConnect(proxy, "connection refused");
        }
        if (cause instanceof ConnectException || SocketErrors.tooManyOpenFiles(cause)) {
            return FetchException.proxyConnect(proxy, connectError(cause));
        }
        return during(cause);
    }

    /**
     * The failure {@code failure} of an exchange with {@code origin} as people should read it: a
     * proxy's refusal named with the proxy (whoever saw it first: the proxy's handler, the request's
     * write it failed, the TLS handshake queued behind it), a close before the TLS handshake finished
     * as the handshake's failure.
     */
    static FetchException seenFrom(Origin origin, FetchException failure, boolean inHandshake) {
        if (origin.proxy() != null) {
            for (Throwable t = failure.getCause(); t != null; t = t.getCause()) { // TLS wraps it: "failure when writing TLS control frames"
                if (t instanceof ProxyConnectException) {
                    return proxyRefused((ProxyConnectException) t, origin);
                }
            }
        }
        return inHandshake && failure.reason() == Reason.CLOSED ? closedInHandshake(failure) : failure;
    }

    /**
     * What Netty's proxy handlers say, in words: their message ends with what went wrong after
     * {@code "proxyAddress => destination, "}: {@code status: 407 ...} from an HTTP proxy,
     * {@code authStatus: FAILURE} or {@code status: CONNECTION_REFUSED} from SOCKS5, {@code timeout},
     * {@code disconnected}.
     */
    static FetchException proxyRefused(ProxyConnectException e, Origin origin) {
        Proxy proxy = origin.proxy();
        String message = String.valueOf(e.getMessage());
        int arrow = message.indexOf(" => ");
        int comma = arrow < 0 ? -1 : message.indexOf(", ", arrow);
        String what = comma < 0 ? message : message.substring(comma + 2);
        String destination = origin.host() + ":" + origin.port();
        if (what.startsWith("status: 407") || what.startsWith("status: 401")) { // tinyproxy: 401 for credentials it refuses
            return FetchException.proxyAuth(proxy, what.substring(8));
        }
        if (what.startsWith("authStatus: ") || what.startsWith("unexpected authMethod")) {
            return FetchException.proxyAuth(proxy, what.startsWith("authStatus") ? "SOCKS5 authentication failed"
                    : "it takes none of the SOCKS5 methods offered");
        }
        if (what.startsWith("status: ")) {
            return FetchException.proxyRefused(proxy, destination, what.substring(8).toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        if (what.equals("timeout")) {
            return FetchException.proxyConnect(proxy, "no answer to our request for a tunnel in time");
        }
        return FetchException.proxyRefused(proxy, destination, what.equals("disconnected") ? "it closed the connection" : what);
    }

    /**
     * What the system said. Netty's epoll transport throws ENETUNREACH as a NoRouteToHostException
     * without a message (it reads "null: ADDRESS"); NIO's says "Network is unreachable".
     */
    private static String connectError(Throwable cause) {
        String message = cause.getMessage();
        if (cause instanceof NoRouteToHostException && (message == null || message.startsWith("null"))) {
            return "network is unreachable";
        }
        return message;
    }

    /**
     * The connection closed under an exchange: a body cut short once the head came; before it, a
     * close, or on a connection's first exchange after a handshake that agreed no protocol to our
     * ALPN http/1.1, the sign of a server that speaks HTTP/2 only.
     */
    static FetchException closed(boolean headSeen, ExchangeHandler handler) {
        if (headSeen) {
            return FetchException.truncated("connection closed before the body ended");
        }
        if (handler != null && handler.noProtocolAgreed() && !handler.reused()) {
            return FetchException.http2Only("it agreed no protocol to our http/1.1 and closed");
        }
        return FetchException.closedBeforeResponse();
    }

    /** A failure after the connection was up. */
    static FetchException during(Throwable cause) {
        if (cause instanceof FetchException) {
            return (FetchException) cause;
        }
        Throwable root = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (root instanceof ProxyConnectException) { // worded by seenFrom, which knows the proxy
            return new FetchException(Reason.PROXY_REFUSED, String.valueOf(root.getMessage()), false, root);
        }
        if (root instanceof NotSslRecordException) {
            return FetchException.tls("the server did not answer with TLS", root);
        }
        if (root instanceof SSLException) {
            return FetchException.tls((SSLException) root);
        }
        if (root instanceof ClosedChannelException) {
            return FetchException.closedBeforeResponse();
        }
        if (root instanceof IOException) {
            if (SocketErrors.reset(root)) {
                return FetchException.reset(null);
            }
            return new FetchException(Reason.IO_ERROR, String.valueOf(root.getMessage()), true, root);
        }
        return new FetchException(Reason.ERROR, root.toString(), false, root);
    }

    /**
     * A failed TLS handshake is a TLS failure, whatever ended it (often just a closed connection),
     * but one that took longer than {@code timeout} (the connect timeout) is a connect timeout.
     */
    static FetchException handshake(Throwable cause, Duration timeout) {
        if (cause instanceof SslHandshakeTimeoutException) {
            return FetchException.handshakeTimeout(timeout);
        }
        FetchException during = during(cause);
        return during.reason() == Reason.TLS || during.reason() == Reason.PROXY_REFUSED ? during : closedInHandshake(during);
    }

    /** {@code failure} (a close, a reset) ended a TLS handshake: the server may not speak TLS. */
    static FetchException closedInHandshake(FetchException failure) {
        return FetchException.tls("handshake failed (is it a TLS server?): " + failure.getMessage(), failure);
    }
}
