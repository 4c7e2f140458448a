package io.asynccrawler.crawl;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whose turn it is among a crawl's hosts: for each host in play, its requests in flight (at most
 * the per-host cap), when its next request may start (its wait or Crawl-delay after the last, or
 * when its robots.txt is asked again), and whether its robots.txt is being fetched. Only hosts in
 * play are kept: a host with nothing in flight and nothing to wait for is dropped, and where its
 * queue was taken up to is remembered apart, for the last {@link #REMEMBERED} hosts dropped. Guarded
 * by the frontier's lock.
 */
final class HostTurns {
    /** One host in play. */
    static final class Host {
        int inFlight;
        /** The seq of the last URL taken from its queue (URLs after it are untaken). */
        long takenSeq = -1;
        /** {@link System#nanoTime()} before which no request of the host starts. */
        long notBefore;
        /** Its robots.txt's Crawl-delay, once known: the least time between two request starts. */
        long crawlDelayNanos;
        boolean robotsPending;
        int robotsUnreachable;

        boolean idle(long now) {
            return inFlight == 0 && !robotsPending && now - notBefore >= 0;
        }
    }

    /**
     * Hosts dropped whose queue position is kept: a host found again reads its queue from there,
     * not from its start, where every URL that ended left a RocksDB tombstone to step over (a big
     * host among thousands of small ones was read from its start at each turn). 16 bytes and a
     * name each, at most.
     */
    static final int REMEMBERED = 65_536;

    private final Map<String, Host> hosts = new HashMap<>();
    private final Map<String, Long> takenBefore = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** {@code host}'s state, or null if it is not in play. */
    Host get(String host) {
        return hosts.get(host);
    }

    Host of(String host) {
        return hosts.computeIfAbsent(host, h -> {
            Host fresh = new Host();
            fresh.takenSeq = takenSeq(h);
            takenBefore.remove(h);
            return fresh;
        });
    }

    /** The seq of the last URL taken from {@code host}'s queue, as far as known; -1 for none. */
    long takenSeq(String host) {
        Host h = hosts.get(host);
        if (h != null) {
            return h.takenSeq;
        }
        Long before = takenBefore.get(host);
        return before == null ? -1 : before;
    }

    /** Whether any host waits for its robots.txt (the crawl cannot end meanwhile). */
    boolean robotsPending() {
        for (Host h : hosts.values()) {
            if (h.robotsPending) {
                return true;
            }
        }
        return false;
    }

    /** A request of {@code host} ended. Its place is dropped once nothing keeps it in play. */
    void ended(String host) {
        Host h = hosts.get(host);
        if (h != null) {
            h.inFlight--;
        }
    }

    /** Forgets the hosts nothing keeps in play any more; their next URL is found in the store again. */
    void forgetIdle(long now) {
        if (hosts.size() > 1024) { // a small map is cheaper to keep than to rebuild
            hosts.entrySet().removeIf(e -> {
                Host h = e.getValue();
                boolean forget = h.idle(now) && h.robotsUnreachable == 0;
                if (forget && h.takenSeq >= 0) {
                    takenBefore.put(e.getKey(), h.takenSeq);
                }
                return forget;
            });
        }
    }
}
