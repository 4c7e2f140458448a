package io.asynccrawler.fetch.netty;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures how late a task runs on each event loop: a tick scheduled every {@link #PERIOD} that
 * starts late shows how long something blocked the loop (the thing this design must never do).
 */
final class LoopLagProbe {
    static final Duration PERIOD = Duration.ofMillis(20);

    private final AtomicLong maxLagNanos = new AtomicLong();
    private volatile boolean stopped;

    LoopLagProbe(EventLoopGroup group) {
        for (EventExecutor loop : group) {
            tick(loop, System.nanoTime() + PERIOD.toNanos());
        }
    }

    private void tick(EventExecutor loop, long due) {
        if (stopped) {
            return;
        }
        loop.schedule(() -> {
            long now = System.nanoTime();
            maxLagNanos.accumulateAndGet(now - due, Math::max);
            tick(loop, now + PERIOD.toNanos());
        }, Math.max(0, due - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** The longest a tick started after it was due, so far. */
    Duration maxLag() {
        return Duration.ofNanos(Math.max(0, maxLagNanos.get()));
    }

    void stop() {
        stopped = true;
    }
}
