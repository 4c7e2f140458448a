package io.asynccrawler.server;

import io.netty.channel.Channel;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the server's open connections, the most it has held at once, and all it accepted. */
public final class ConnectionGauge {
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();

    void opened(Channel channel) {
        accepted.incrementAndGet();
        int now = open.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
        channel.closeFuture().addListener(f -> open.decrementAndGet());
    }

    public int open() {
        return open.get();
    }

    public int peak() {
        return peak.get();
    }

    /** Starts a new peak from the connections open now (for measuring one job against a long-lived server). */
    public void resetPeak() {
        peak.set(open.get());
    }

    /** Connections accepted since the server started. */
    public int accepted() {
        return accepted.get();
    }

    String toJson() {
        return "{\"open\": " + open() + ", \"peak\": " + peak() + ", \"accepted\": " + accepted() + "}";
    }
}
