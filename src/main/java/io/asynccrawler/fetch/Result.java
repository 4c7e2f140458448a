package io.asynccrawler.fetch;

import java.time.Instant;

/**
 * What happened to one URL; it is one entry of the JSON report, so its component names are a
 * public interface (DESIGN §3).
 *
 * @param url         the URL as given (user-info redacted)
 * @param finalUrl    the URL that answered, after redirects
 * @param status      the final HTTP status, 0 when no response arrived
 * @param file        the output path relative to the output directory, null when nothing was saved
 * @param bytes       bytes saved (after decoding)
 * @param contentType the response's Content-Type, or null
 * @param attempts    exchanges tried for the final URL chain (1 plus retries)
 * @param startedAt   when the first attempt started
 * @param ttfbMs      milliseconds from the start of the last attempt to its response head, -1 if none
 * @param totalMs     milliseconds from start to end, retries and waits included
 * @param outcome     ok, skipped or failed
 * @param reason      a stable word for a failure ({@code http_404}, {@code read_timeout}, ...), else null
 * @param error       a one-line description of the failure, else null
 * @param resumedFrom bytes that were already in the part file when the saving transfer began (--resume), else 0
 */
public record Result(String url, String finalUrl, int status, String file, long bytes, String contentType,
                     int attempts, Instant startedAt, long ttfbMs, long totalMs, Outcome outcome,
                     String reason, String error, long resumedFrom) {
    /** The result of an input line or argument that is not a URL we can fetch (reason {@code bad_input}). */
    public static Result badInput(String input, String message) {
        return new Result(input, input, 0, null, 0, null, 0, Instant.now(), -1, 0, Outcome.FAILED, "bad_input", message, 0);
    }
}
