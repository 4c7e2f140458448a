package io.asynccrawler.fetch.netty;

import io.asynccrawler.fetch.FetchException;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * An exchange's two timers, on its connection's event loop: the longest silence while waiting for
 * bytes (not counted while the disk holds reading back, or once the response is read), and the
 * whole exchange's deadline. One timer task a timeout, re-armed for the rest of the silence,
 * rather than one per read: a body of thousands of reads costs no more timer work than one of one.
 */
final class ExchangeTimers {
    private final EventLoop loop;
    private final Duration read;
    private final Duration deadline;
    private ScheduledFuture<?> readTimer;
    private ScheduledFuture<?> deadlineTimer;
    private long lastReadNanos;
    private boolean stopped;

    ExchangeTimers(EventLoop loop, Duration read, Duration deadline) {
        this.loop = loop;
        this.read = read;
        this.deadline = deadline;
    }

    /**
     * Arms both timers; {@code fail} gets the timeout that passed. While {@code silenceExcused}
     * holds (reading paused, response read), silence does not count. On the event loop.
     */
    void start(BooleanSupplier silenceExcused, Consumer<FetchException> fail) {
        lastReadNanos = System.nanoTime();
        readTimer = loop.schedule(() -> checkRead(silenceExcused, fail), read.toNanos(), TimeUnit.NANOSECONDS);
        if (deadline != null) {
            deadlineTimer = loop.schedule(() -> fail.accept(FetchException.deadline(deadline)), deadline.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** Bytes arrived. On the event loop. */
    void read() {
        lastReadNanos = System.nanoTime();
    }

    private void checkRead(BooleanSupplier silenceExcused, Consumer<FetchException> fail) {
        if (stopped) {
            return;
        }
        long idle = System.nanoTime() - lastReadNanos;
        if (silenceExcused.getAsBoolean()) {
            lastReadNanos = System.nanoTime();
            idle = 0;
        }
        if (idle >= read.toNanos()) {
            fail.accept(FetchException.readTimeout(read));
        } else {
            readTimer = loop.schedule(() -> checkRead(silenceExcused, fail), read.toNanos() - idle, TimeUnit.NANOSECONDS);
        }
    }

    /** Cancels both; a check already under way does nothing. On the event loop. */
    void stop() {
        stopped = true;
        if (readTimer != null) {
            readTimer.cancel(false);
        }
        if (deadlineTimer != null) {
            deadlineTimer.cancel(false);
        }
    }
}
