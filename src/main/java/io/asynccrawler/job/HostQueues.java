package io.asynccrawler.job;

import io.asynccrawler.fetch.Target;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The per-host cap without head-of-line blocking: a URL whose host is at its cap waits in that
 * host's queue while the reader goes on to other hosts. The queues together hold a bounded number
 * of URLs, so a list dominated by one host still does not load the input into memory.
 */
final class HostQueues {
    private final int perHost;
    private final int maxWaiting;
    private final Map<String, Host> hosts = new HashMap<>();
    private int waiting;

    /** A host's URLs under way and waiting. */
    private static final class Host {
        int active;
        final ArrayDeque<Target> queue = new ArrayDeque<>();
    }

    HostQueues(int perHost, int maxWaiting) {
        this.perHost = perHost;
        this.maxWaiting = maxWaiting;
    }

    /**
     * True when {@code target} may start now (it took a place of its host); false when it was
     * queued instead. Waits while the queues are full.
     */
    synchronized boolean admitOrQueue(Target target) throws InterruptedException {
        while (waiting >= maxWaiting) {
            wait();
        }
        Host host = hosts.computeIfAbsent(key(target), k -> new Host());
        if (host.active < perHost) {
            host.active++;
            return true;
        }
        host.queue.add(target);
        waiting++;
        return false;
    }

    /**
     * A URL of {@code finished}'s host ended: the next waiting URL of that host, which takes over its
     * place, or null when none waits (the place is free again).
     */
    synchronized Target next(Target finished) {
        String key = key(finished);
        Host host = hosts.get(key);
        Target next = host.queue.poll();
        if (next != null) {
            waiting--;
            notifyAll();
            return next;
        }
        if (--host.active == 0) {
            hosts.remove(key); // the map holds only hosts with work, however many hosts the list names
        }
        return null;
    }

    /** Whether no URL waits in any queue. */
    synchronized boolean isEmpty() {
        return waiting == 0;
    }

    /** Removes and returns every waiting URL (when the job is interrupted). */
    synchronized List<Target> drain() {
        List<Target> all = new ArrayList<>();
        for (Host host : hosts.values()) {
            all.addAll(host.queue);
            host.queue.clear();
        }
        waiting = 0;
        notifyAll();
        return all;
    }

    private static String key(Target target) {
        return target.uri().getHost().toLowerCase(Locale.ROOT);
    }
}
