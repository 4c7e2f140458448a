package io.asynccrawler.fetch;

import io.asynccrawler.save.FileErrors;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Why one URL failed, as a stable word for the report ({@code connect_refused}, {@code http_404},
 * ...) and a one-line message for people. {@link #isTransient()} failures are worth retrying.
 */
public final class FetchException extends IOException {
    private static final long serialVersionUID = 1L;

    private final Reason reason;
    /** For {@link Reason#HTTP}, the status that failed; else 0. */
    private final int status;
    private final boolean transientFailure;

    public FetchException(Reason reason, String message, boolean transientFailure) {
        this(reason, message, transientFailure, null);
    }

    public FetchException(Reason reason, String message, boolean transientFailure, Throwable cause) {
        this(reason, 0, message, transientFailure, cause);
    }

    private FetchException(Reason reason, int status, String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.status = status;
        this.transientFailure = transientFailure;
    }

    public Reason reason() {
        return reason;
    }

    /** The report's word: {@code connect_refused}, {@code http_404}. */
    public String word() {
        return reason.word(status);
    }

    /** The same failure with {@code more} added to its message, not to be retried. */
    public FetchException withoutRetry(String more) {
        return new FetchException(reason, status, getMessage() + more, false, getCause());
    }

    public boolean isTransient() {
        return transientFailure;
    }

    public static FetchException connectRefused(String origin) {
        return new FetchException(Reason.CONNECT_REFUSED, "connection refused by " + origin, true);
    }

    public static FetchException connectTimeout(Duration after) {
        return new FetchException(Reason.CONNECT_TIMEOUT, "timed out connecting after " + Durations.format(after), true);
    }

    /** The name lookup did not answer within the connect timeout. */
    public static FetchException lookupTimeout(String host, Duration after) {
        return new FetchException(Reason.CONNECT_TIMEOUT, "timed out connecting after " + Durations.format(after) + " (looking up " + host + ")", true);
    }

    /** The TCP connection is up, but the TLS handshake did not end within the connect timeout. */
    public static FetchException handshakeTimeout(Duration after) {
        return new FetchException(Reason.CONNECT_TIMEOUT, "timed out connecting after " + Durations.format(after) + " (TLS handshake)", true);
    }

    public static FetchException readTimeout(Duration after) {
        return new FetchException(Reason.READ_TIMEOUT, "no data for " + Durations.format(after), true);
    }

    public static FetchException deadline(Duration after) {
        return new FetchException(Reason.DEADLINE, "deadline of " + Durations.format(after) + " exceeded", true);
    }

    public static FetchException reset(String detail) {
        return new FetchException(Reason.CONNECTION_RESET, "connection reset" + (detail == null ? "" : ": " + detail), true);
    }

    /**
     * The HTTP/2 server reset the stream with error {@code code} ({@code name}: REFUSED_STREAM,
     * CANCEL, ...); retried, unless it says the request itself was wrong (PROTOCOL_ERROR).
     */
    public static FetchException streamReset(long code, String name) {
        return new FetchException(Reason.STREAM_RESET, "stream reset by the server: " + name + " (" + code + ")", code != 1);
    }

    public static FetchException closedBeforeResponse() {
        return new FetchException(Reason.CLOSED, "connection closed before a response", true);
    }

    public static FetchException truncated(String detail) {
        return new FetchException(Reason.TRUNCATED, "body truncated: " + detail, true);
    }

    public static FetchException badResponse(String detail) {
        return new FetchException(Reason.BAD_RESPONSE, "bad response: " + detail, false);
    }

    /** {@code part}, with {@code bytes} of an earlier --resume download, was found by a run without --resume. */
    public static FetchException partLeft(String part, long bytes) {
        return new FetchException(Reason.PART_LEFT, part + " holds " + bytes + " bytes of an earlier download:"
                + " add --resume to continue it (--overwrite starts over)", false);
    }

    /** The server answered as HTTP/2, or closed after a handshake that agreed no protocol to our http/1.1. */
    public static FetchException http2Only(String how) {
        return new FetchException(Reason.HTTP2_ONLY, "the server speaks HTTP/2 only (" + how
                + "); this version speaks HTTP/1.1", false);
    }

    public static FetchException tooLarge(long limit) {
        return new FetchException(Reason.TOO_LARGE, "body larger than --max-size " + limit + " bytes", false);
    }

    public static FetchException tls(String detail, Throwable cause) {
        return new FetchException(Reason.TLS, "TLS: " + detail, false, cause);
    }

    /**
     * A TLS failure in words people know and can act on: host name mismatch, expired, not trusted
     * (with what to do), never the JDK's class names ({@code sun.security.provider.certpath...}).
     */
    public static FetchException tls(SSLException e) {
        String message = withoutClassNames(reason(e));
        String lower = message.toLowerCase(Locale.ROOT);
        String detail = message;
        if (lower.contains("no subject alternative") || lower.contains("no name matching") || lower.contains("doesn't match")
                || lower.contains("does not match")) {
            detail = "host name mismatch (" + message + ")";
        } else if (lower.contains("expired") || lower.contains("notafter")) {
            detail = "certificate expired (" + message + ")";
        } else if (lower.contains("validity check failed")) { // the JDK's PKIX words for a date out of range
            detail = "certificate expired or not yet valid (" + message + ")";
        } else if (lower.contains("pkix") || lower.contains("unable to find valid certification path")) {
            detail = "certificate not trusted: use --cacert FILE to trust your CA, or -k to accept any certificate";
        }
        return tls(detail, e);
    }

    /** {@code message} without the exception class names Java puts before causes' messages. */
    static String withoutClassNames(String message) {
        return message.replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error):\\s*", "").trim();
    }

    /**
     * The message that says why: BoringSSL's engine reports a certificate the trust manager
     * refused as "General OpenSslEngine problem", with the trust manager's own words in a cause.
     */
    private static String reason(SSLException e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && String.valueOf(t.getMessage()).contains("OpenSslEngine problem")) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    public static FetchException dns(String host) {
        return new FetchException(Reason.DNS, "cannot resolve host " + host, false);
    }

    public static FetchException writeError(IOException cause) {
        return new FetchException(Reason.WRITE_ERROR, "cannot write file: " + FileErrors.describe(cause), false, cause);
    }

    /**
     * The failure of a response with {@code head}'s status (no success, no redirect): a 401 to
     * credentials sent is {@code auth_failed}, a 407 from {@code proxy} (the request's, or null)
     * {@code proxy_auth}, any other {@code http_NNN}.
     */
    static FetchException of(ResponseHead head, boolean sentCredentials, Proxy proxy) {
        if (head.status() == 401 && sentCredentials) {
            return authFailed("401 " + head.reasonPhrase());
        }
        if (head.status() == 407 && proxy != null) { // an HTTP proxy's answer to a plain http request, not the server's
            return proxyAuth(proxy, "407 " + head.reasonPhrase());
        }
        return http(head.status(), head.reasonPhrase());
    }

    public static FetchException http(int status, String reasonPhrase) {
        boolean retry = status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
        return new FetchException(Reason.HTTP, status, "HTTP " + status + (reasonPhrase == null || reasonPhrase.isEmpty() ? "" : " " + reasonPhrase), retry, null);
    }

    /** The server answered 401 to the credentials sent. */
    public static FetchException authFailed(String answer) {
        return new FetchException(Reason.AUTH_FAILED, "the server refused the credentials sent (" + answer + ")", false);
    }

    /** {@code proxy} could not be reached: {@code why} says how (worth retrying, as a connect failure). */
    public static FetchException proxyConnect(Proxy proxy, String why) {
        return new FetchException(Reason.PROXY_CONNECT, "cannot reach the proxy " + proxy + ": " + why, true);
    }

    /** {@code proxy} wants credentials it was not given, or refused those it was ({@code answer}: what it said). */
    public static FetchException proxyAuth(Proxy proxy, String answer) {
        String hint = proxy.hasCredentials() ? "it refused the user name and password in the proxy URL"
                : "give them in the proxy URL: " + proxy.kind().scheme() + "://USER:PASSWORD@" + proxy.authority();
        return new FetchException(Reason.PROXY_AUTH, "the proxy " + proxy + " asks for credentials (" + answer + "): " + hint, false);
    }

    /**
     * {@code proxy} would not connect us to {@code destination}: {@code answer} is its status or
     * SOCKS reply; a 5xx (it could not reach the server) is worth retrying, as a connect failure.
     */
    public static FetchException proxyRefused(Proxy proxy, String destination, String answer) {
        boolean retry = answer.startsWith("5");
        return new FetchException(Reason.PROXY_REFUSED, "the proxy " + proxy + " refused to connect to " + destination + ": " + answer, retry);
    }

    public static FetchException redirect(Reason reason, String message) {
        return new FetchException(reason, message, false);
    }

    public static FetchException cancelled() {
        return new FetchException(Reason.CANCELLED, "cancelled", false);
    }

    /** Fills in no stack: these are expected per-URL outcomes, created by the thousand in a failure storm. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
