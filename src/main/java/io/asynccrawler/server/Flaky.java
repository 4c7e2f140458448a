package io.asynccrawler.server;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code /flaky/{n}?key=K}: fails the first {@code n} requests for key K with 503, then answers 200. */
final class Flaky {
    /** Keys remembered at most; a test server does not need more, and memory stays bounded. */
    private static final int MAX_KEYS = 100_000;
    private final ConcurrentHashMap<String, AtomicInteger> seen = new ConcurrentHashMap<>();

    void answer(Call call, String rest) {
        long failures = Call.parseBounded("flaky", rest, 0, 1000);
        String key = call.param("key") == null ? "" : call.param("key");
        if (seen.size() >= MAX_KEYS && !seen.containsKey(key)) {
            seen.clear();
        }
        int n = seen.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        if (n <= failures) {
            call.json(HttpResponseStatus.SERVICE_UNAVAILABLE, "{\"attempt\": " + n + "}");
        } else {
            call.json(HttpResponseStatus.OK, "{\"attempt\": " + n + "}");
        }
    }
}
