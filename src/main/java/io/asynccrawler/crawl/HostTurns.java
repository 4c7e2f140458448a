package io.asynccrawler.crawl;

import java.util.HashMap;
import java.util.Map;

/**
 * Whose turn it is among a crawl's hosts: for each host in play, its requests in flight (at most
 * the per-host cap), when its next request may start (its wait or Crawl-delay after the last, or
 * when its robots.txt is asked again), and whether its robots.txt is being fetched. Only hosts in
 * play are kept: a host with nothing in flight and nothing to wait for is dropped. Guarded by the
 * frontier's lock.
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

    private final Map<String, Host> hosts = new HashMap<>();

    /** {@code host}'s state, or null if it is not in play. */
    Host get(String host) {
        return hosts.get(host);
    }

    Host of(String host) {
        return hosts.computeIfAbsent(host, h -> new Host());
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
            hosts.values().removeIf(h -> h.idle(now) && h.robotsUnreachable == 0);
        }
    }
}
