package io.asynccrawler.server;

import io.netty.channel.Channel;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the server's open connections and the most it has held at once. */
public final class ConnectionGauge {
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    void opened(Channel channel) {
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

    String toJson() {
        return "{\"open\": " + open() + ", \"peak\": " + peak() + "}";
    }
}
