package io.asynccrawler.server;

import io.netty.channel.Channel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
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
        changed();
        channel.closeFuture().addListener(f -> {
            open.decrementAndGet();
            changed();
        });
    }

    private synchronized void changed() {
        notifyAll();
    }

    /** Waits until at least {@code n} connections are open; false if that did not happen in time. */
    public synchronized boolean awaitOpen(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (open.get() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Waits until at most {@code n} connections are open; false if that did not happen in time. */
    public synchronized boolean awaitAtMostOpen(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (open.get() > n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
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
