package io.asynccrawler.server;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code /flaky/{n}?key=K}: fails the first {@code n} requests for key K with 503, then answers 200.
 * The count per key also serves {@code /h2/refuse/{n}} ({@link Http2Faults}).
 */
final class Flaky {
    /** Keys remembered at most; a test server does not need more, and memory stays bounded. */
    private static final int MAX_KEYS = 100_000;
    private final ConcurrentHashMap<String, AtomicInteger> seen = new ConcurrentHashMap<>();

    void answer(Call call, String rest) {
        long failures = Call.parseBounded("flaky", rest, 0, 1000);
        int n = attempt(call);
        if (n <= failures) {
            call.json(HttpResponseStatus.SERVICE_UNAVAILABLE, "{\"attempt\": " + n + "}");
        } else {
            call.json(HttpResponseStatus.OK, "{\"attempt\": " + n + "}");
        }
    }

    /** How many requests with {@code call}'s key (its {@code key} parameter) came so far, this one included. */
    int attempt(Call call) {
        String key = call.param("key") == null ? "" : call.param("key");
        if (seen.size() >= MAX_KEYS && !seen.containsKey(key)) {
            seen.clear();
        }
        return seen.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }
}
