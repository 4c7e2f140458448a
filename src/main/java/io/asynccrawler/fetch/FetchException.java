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

    private final String reason;
    private final boolean transientFailure;

    public FetchException(String reason, String message, boolean transientFailure) {
        super(message);
        this.reason = reason;
        this.transientFailure = transientFailure;
    }

    public FetchException(String reason, String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.transientFailure = transientFailure;
    }

    public String reason() {
        return reason;
    }

    public boolean isTransient() {
        return transientFailure;
    }

    public static FetchException connectRefused(String origin) {
        return new FetchException("connect_refused", "connection refused by " + origin, true);
    }

    public static FetchException connectTimeout(Duration after) {
        return new FetchException("connect_timeout", "timed out connecting after " + Durations.format(after), true);
    }

    /** The name lookup did not answer within the connect timeout. */
    public static FetchException lookupTimeout(String host, Duration after) {
        return new FetchException("connect_timeout", "timed out connecting after " + Durations.format(after) + " (looking up " + host + ")", true);
    }

    /** The TCP connection is up, but the TLS handshake did not end within the connect timeout. */
    public static FetchException handshakeTimeout(Duration after) {
        return new FetchException("connect_timeout", "timed out connecting after " + Durations.format(after) + " (TLS handshake)", true);
    }

    public static FetchException readTimeout(Duration after) {
        return new FetchException("read_timeout", "no data for " + Durations.format(after), true);
    }

    public static FetchException deadline(Duration after) {
        return new FetchException("deadline", "deadline of " + Durations.format(after) + " exceeded", true);
    }

    public static FetchException reset(String detail) {
        return new FetchException("connection_reset", "connection reset" + (detail == null ? "" : ": " + detail), true);
    }

    public static FetchException closedBeforeResponse() {
        return new FetchException("closed", "connection closed before a response", true);
    }

    public static FetchException truncated(String detail) {
        return new FetchException("truncated", "body truncated: " + detail, true);
    }

    public static FetchException badResponse(String detail) {
        return new FetchException("bad_response", "bad response: " + detail, false);
    }

    public static FetchException tooLarge(long limit) {
        return new FetchException("too_large", "body larger than --max-size " + limit + " bytes", false);
    }

    public static FetchException tls(String detail, Throwable cause) {
        return new FetchException("tls", "TLS: " + detail, false, cause);
    }

    /** A TLS failure in words people know: host name mismatch, expired, not trusted. */
    public static FetchException tls(SSLException e) {
        String message = reason(e);
        String lower = message.toLowerCase(Locale.ROOT);
        String detail = message;
        if (lower.contains("no subject alternative") || lower.contains("no name matching") || lower.contains("doesn't match")
                || lower.contains("does not match")) {
            detail = "host name mismatch (" + message + ")";
        } else if (lower.contains("expired") || lower.contains("notafter")) {
            detail = "certificate expired (" + message + ")";
        } else if (lower.contains("pkix") || lower.contains("unable to find valid certification path")) {
            detail = "certificate not trusted (" + message + ")";
        }
        return tls(detail, e);
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
        return new FetchException("dns", "cannot resolve host " + host, false);
    }

    public static FetchException writeError(IOException cause) {
        return new FetchException("write_error", "cannot write file: " + FileErrors.describe(cause), false, cause);
    }

    public static FetchException http(int status, String reasonPhrase) {
        boolean retry = status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
        return new FetchException("http_" + status, "HTTP " + status + (reasonPhrase == null || reasonPhrase.isEmpty() ? "" : " " + reasonPhrase), retry);
    }

    public static FetchException redirect(String reason, String message) {
        return new FetchException(reason, message, false);
    }

    public static FetchException cancelled() {
        return new FetchException("cancelled", "cancelled", false);
    }

    /** Fills in no stack: these are expected per-URL outcomes, created by the thousand in a failure storm. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
