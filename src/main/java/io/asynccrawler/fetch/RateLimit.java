package io.asynccrawler.fetch;

import java.util.concurrent.TimeUnit;

/**
 * {@code --limit-rate}: the bytes a whole job may receive per second, all connections together
 * (curl's is per transfer; a job of thousands of transfers needs one budget). A token bucket: bytes
 * received take tokens, which come back at the rate, at most a tenth of a second's worth (at least
 * 16 KiB) saved up, so a pause never turns into a burst. Whoever takes more than there is learns
 * how long to hold reading back: the event loop by a timer, a blocking thread by sleeping, as
 * that model does everything.
 */
public final class RateLimit {
    private final long bytesPerSecond;
    private final long burst;
    private double available;
    private long lastNanos = System.nanoTime();

    public RateLimit(long bytesPerSecond) {
        if (bytesPerSecond <= 0) {
            throw new IllegalArgumentException("a rate must be positive: " + bytesPerSecond);
        }
        this.bytesPerSecond = bytesPerSecond;
        this.burst = Math.max(16 * 1024, bytesPerSecond / 10);
        this.available = burst;
    }

    /** Takes {@code bytes} just received; returns how many nanoseconds to wait before reading more (0: none). */
    public synchronized long take(long bytes) {
        long now = System.nanoTime();
        available = Math.min(burst, available + (now - lastNanos) / 1e9 * bytesPerSecond);
        lastNanos = now;
        available -= bytes;
        return available >= 0 ? 0 : (long) (-available / bytesPerSecond * 1e9);
    }

    /** Takes {@code bytes} on a blocking thread, which sleeps off what they took beyond the budget (the model blocks anyway). */
    public void takeBlocking(long bytes) throws InterruptedException {
        long wait = take(bytes);
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    public long bytesPerSecond() {
        return bytesPerSecond;
    }
}
