package io.asynccrawler.fetch;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/** When to try again: exponential backoff with jitter, or what the server's Retry-After asks. */
final class Retries {
    /** First wait; doubled per retry (curl starts at 1 s, wget at 1 s; loopback jobs want less). */
    static final Duration BASE = Duration.ofMillis(500);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** Longest wait honoured when no --timeout bounds it: a server asking for more is not waited for. */
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

    private Retries() {
    }

    /** Wait before retry number {@code retry} (1-based): half to all of {@code BASE * 2^(retry-1)}, capped. */
    static Duration backoff(int retry) {
        long cap = Math.min(MAX_BACKOFF.toMillis(), BASE.toMillis() << Math.min(retry - 1, 16));
        return Duration.ofMillis(cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1));
    }

    /** A Retry-After value (delay-seconds or an HTTP-date), or null if absent or unreadable. */
    static Duration retryAfter(String value, ZonedDateTime now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
