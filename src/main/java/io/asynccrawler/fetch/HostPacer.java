package io.asynccrawler.fetch;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Keeps {@link HostPacing} for a fetch job: each request to a host reserves the next start the
 * pacing allows, and learns how long to wait for it; the caller waits on a timer, holding no
 * thread. The reservations of hosts whose time has passed are dropped as the map grows, so a list
 * over millions of hosts keeps only the hosts with a wait ahead.
 */
final class HostPacer {
    private static final int FIRST_SWEEP = 4096;
    private final HostPacing pacing;
    private final Map<String, Long> nextStart = new HashMap<>();
    private int sweepAt = FIRST_SWEEP;

    HostPacer(HostPacing pacing) {
        this.pacing = pacing;
    }

    /** Reserves the next start for a request to {@code host}; returns the nanoseconds until it (0: now). */
    long delayNanos(String host) {
        if (!pacing.any()) {
            return 0;
        }
        long now = System.nanoTime();
        String key = host.toLowerCase(Locale.ROOT);
        synchronized (this) {
            Long next = nextStart.get(key);
            long start = next == null || next - now < 0 ? now : next;
            nextStart.put(key, start + interval());
            if (nextStart.size() >= sweepAt) {
                for (Iterator<Long> it = nextStart.values().iterator(); it.hasNext(); ) {
                    if (it.next() - now <= 0) {
                        it.remove();
                    }
                }
                sweepAt = Math.max(FIRST_SWEEP, nextStart.size() * 2);
            }
            return start - now;
        }
    }

    /**
     * A request to {@code host} ended: with --wait, the next starts no sooner than a wait from now,
     * as wget waits between retrievals (a start reserved before this one was sent, or a connection
     * slow to open, would otherwise bring the server two requests closer than the wait).
     */
    void ended(String host) {
        if (pacing.between().isZero()) {
            return;
        }
        long after = System.nanoTime() + waitNanos();
        String key = host.toLowerCase(Locale.ROOT);
        synchronized (this) {
            Long next = nextStart.get(key);
            if (next == null || next - after < 0) {
                nextStart.put(key, after);
            }
        }
    }

    /** Hosts with a reservation kept (tests). */
    synchronized int hostsKept() {
        return nextStart.size();
    }

    private long waitNanos() {
        long wait = pacing.between().toNanos();
        return pacing.randomWait() ? (long) (wait * (0.5 + ThreadLocalRandom.current().nextDouble())) : wait;
    }

    private long interval() {
        return Math.max(waitNanos(), pacing.perRequest().toNanos());
    }
}
