package io.asynccrawler.fetch;

import java.net.URI;
import java.time.Instant;

/**
 * What happened to one URL; it is one entry of the JSON report, so its component names are a
 * public interface (DESIGN §3).
 *
 * @param url         the URL as given (user-info redacted)
 * @param finalUrl    the URL that answered, after redirects
 * @param status      the final HTTP status, 0 when no response arrived
 * @param file        the output path relative to the output directory, null when nothing was saved; of a
 *                    download cancelled with --resume, its part file ({@code NAME.part}) kept for the next run
 * @param bytes       bytes saved (after decoding); of a cancelled download, the bytes its part file kept
 * @param contentType the response's Content-Type, or null
 * @param attempts    exchanges tried for the final URL chain (1 plus retries)
 * @param startedAt   when the first attempt started
 * @param ttfbMs      milliseconds from the start of the last attempt to its response head, -1 if none
 * @param totalMs     milliseconds from start to end, retries and waits included
 * @param outcome     ok, skipped, failed, cancelled or excluded
 * @param reason      why it failed or was excluded, else null; the report shows its word ({@link #reasonWord()})
 * @param error       a one-line description of the failure (of an exclusion: the rule), else null
 * @param resumedFrom bytes that were already in the part file when the saving transfer began (--resume), else 0
 * @param origin      how a crawl came to the URL, null for a URL of a list
 * @param protocol    the HTTP version of the last response, null when none came
 */
public record Result(String url, String finalUrl, int status, String file, long bytes, String contentType,
                     int attempts, Instant startedAt, long ttfbMs, long totalMs, Outcome outcome,
                     Reason reason, String error, long resumedFrom, Origin origin, Protocol protocol) {
    /** A result that tells no protocol. */
    public Result(String url, String finalUrl, int status, String file, long bytes, String contentType,
                  int attempts, Instant startedAt, long ttfbMs, long totalMs, Outcome outcome,
                  Reason reason, String error, long resumedFrom, Origin origin) {
        this(url, finalUrl, status, file, bytes, contentType, attempts, startedAt, ttfbMs, totalMs, outcome, reason, error,
                resumedFrom, origin, null);
    }

    /** A result with no origin: a URL of a list. */
    public Result(String url, String finalUrl, int status, String file, long bytes, String contentType,
                  int attempts, Instant startedAt, long ttfbMs, long totalMs, Outcome outcome,
                  Reason reason, String error, long resumedFrom) {
        this(url, finalUrl, status, file, bytes, contentType, attempts, startedAt, ttfbMs, totalMs, outcome, reason, error,
                resumedFrom, null);
    }

    /** This result with {@code message} as its error. */
    public Result withError(String message) {
        return new Result(url, finalUrl, status, file, bytes, contentType, attempts, startedAt, ttfbMs, totalMs, outcome, reason,
                message, resumedFrom, origin, protocol);
    }

    /** This result with {@code name} as its file. */
    public Result withFile(String name) {
        return new Result(url, finalUrl, status, name, bytes, contentType, attempts, startedAt, ttfbMs, totalMs, outcome, reason,
                error, resumedFrom, origin, protocol);
    }

    /** This result, telling how a crawl came to its URL. */
    public Result withOrigin(Origin how) {
        return new Result(url, finalUrl, status, file, bytes, contentType, attempts, startedAt, ttfbMs, totalMs, outcome, reason,
                error, resumedFrom, how, protocol);
    }

    /** This result, telling the protocol its response came by. */
    public Result withProtocol(Protocol by) {
        return new Result(url, finalUrl, status, file, bytes, contentType, attempts, startedAt, ttfbMs, totalMs, outcome, reason,
                error, resumedFrom, origin, by);
    }

    /**
     * A crawl met {@code uri} and did not fetch it, for {@code reason}; {@code detail} says more (the
     * rule that rejected it), or is null.
     */
    public static Result excluded(URI uri, Origin origin, Reason reason, String detail) {
        String url = Urls.redact(uri);
        return new Result(url, url, 0, null, 0, null, 0, Instant.now(), -1, 0, Outcome.EXCLUDED, reason, detail, 0, origin);
    }

    /**
     * Whether this is a crawl's redirect, handed on as a URL of its own (status 3xx, no file,
     * {@code finalUrl} the Location); a fetch follows its redirects and never ends in one.
     */
    public boolean isRedirect() {
        return outcome == Outcome.OK && file == null && status / 100 == 3;
    }

    /** The report's word for the reason ({@code http_404}, {@code read_timeout}, ...), else null. */
    public String reasonWord() {
        return reason == null ? null : reason.word(status);
    }

    /** The result of an input line or argument that is not a URL we can fetch (reason {@code bad_input}). */
    public static Result badInput(String input, String message) {
        return failedBefore(input, Instant.now(), Reason.BAD_INPUT, message);
    }

    /** {@code target}'s file is there already and was not fetched again. */
    public static Result skipped(Target target, Instant startedAt) {
        String url = Urls.redact(target.uri());
        return new Result(url, url, 0, target.file().toString(), 0, null, 0, startedAt, -1, 0, Outcome.SKIPPED, null, null, 0);
    }

    /** {@code target} was stopped before it had a result of its own (Ctrl-C, a signal). */
    public static Result cancelled(Target target) {
        return failedBefore(target, Reason.CANCELLED, "cancelled");
    }

    /** {@code target} failed before any request was sent (its file could not be checked, say). */
    public static Result failedBefore(Target target, Reason reason, String message) {
        return failedBefore(Urls.redact(target.uri()), Instant.now(), reason, message);
    }

    /** {@code target} failed before any request was sent, {@code failure} says why. */
    public static Result failedBefore(Target target, Instant startedAt, FetchException failure) {
        return failedBefore(Urls.redact(target.uri()), startedAt, failure.reason(), failure.getMessage());
    }

    private static Result failedBefore(String url, Instant startedAt, Reason reason, String message) {
        return new Result(url, url, 0, null, 0, null, 0, startedAt, -1, 0,
                reason == Reason.CANCELLED ? Outcome.CANCELLED : Outcome.FAILED, reason, message, 0);
    }
}
