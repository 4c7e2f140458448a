package io.asynccrawler.server;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests a server answered, per path (query included): what a test checks a crawl against
 * ("each page fetched once"). One entry per distinct path, so it is kept only when asked for
 * ({@link ServerSettings#countRequests()}), never in a benchmark's server.
 */
public final class RequestCounts {
    private final Map<String, LongAdder> byPath = new ConcurrentHashMap<>();

    void add(String pathAndQuery) {
        byPath.computeIfAbsent(pathAndQuery, p -> new LongAdder()).increment();
    }

    /** Requests for {@code pathAndQuery} so far. */
    public long of(String pathAndQuery) {
        LongAdder n = byPath.get(pathAndQuery);
        return n == null ? 0 : n.sum();
    }

    /** Every path asked for so far, with its count, sorted. */
    public Map<String, Long> all() {
        Map<String, Long> out = new TreeMap<>();
        byPath.forEach((p, n) -> out.put(p, n.sum()));
        return out;
    }
}
