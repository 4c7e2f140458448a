package io.asynccrawler.job;

/**
 * How many URLs may be under way.
 *
 * @param concurrency requests in flight at most (the semaphore)
 * @param perHost     requests in flight per host at most, 0 for no extra cap
 */
public record JobSettings(int concurrency, int perHost) {
    public JobSettings {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
        }
        if (perHost < 0) {
            throw new IllegalArgumentException("per-host cap must not be negative: " + perHost);
        }
    }
}
