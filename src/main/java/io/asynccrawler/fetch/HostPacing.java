package io.asynccrawler.fetch;

import java.time.Duration;

/**
 * How far apart the requests to one host start: {@code --wait} (with {@code --random-wait}, 0.5 to
 * 1.5 times it each time, as wget) and {@code --rate} (at most so many a second, minute, hour or
 * day, as curl's, here per host); the longer of the two counts.
 *
 * @param between    the least time between two request starts to one host
 * @param randomWait vary each wait between 0.5 and 1.5 times {@code between}
 * @param perRequest the time one request of {@code --rate} takes up (a second for 1/s), or zero
 */
public record HostPacing(Duration between, boolean randomWait, Duration perRequest) {
    /** No pacing. */
    public static final HostPacing NONE = new HostPacing(Duration.ZERO, false, Duration.ZERO);

    public HostPacing {
        if (between.isNegative() || perRequest.isNegative()) {
            throw new IllegalArgumentException("a wait must not be negative: " + between + ", " + perRequest);
        }
    }

    /** Whether requests are paced at all. */
    public boolean any() {
        return !between.isZero() || !perRequest.isZero();
    }

    /** The least time between two request starts before --random-wait's variation. */
    public Duration least() {
        return between.compareTo(perRequest) >= 0 ? between : perRequest;
    }
}
