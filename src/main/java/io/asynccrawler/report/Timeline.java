package io.asynccrawler.report;

import io.asynccrawler.fetch.Outcome;
import io.asynccrawler.fetch.Result;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * When each request of one mode ran, relative to the first: the data behind the timeline
 * pictures. Keeps at most {@link #MAX_BARS} requests, so a huge job stays small. Thread-safe.
 */
public final class Timeline {
    /** Requests drawn at most per mode; more would not be visible anyway. */
    public static final int MAX_BARS = 10_000;

    /** One request: start and end in milliseconds from the mode's first request. */
    public record Bar(long startMs, long endMs, Outcome outcome, String url) {
    }

    private final String mode;
    private final List<Result> results = new ArrayList<>();
    private int dropped;

    public Timeline(String mode) {
        this.mode = mode;
    }

    public String mode() {
        return mode;
    }

    public synchronized void add(Result r) {
        if (r.outcome() == Outcome.SKIPPED) {
            return;
        }
        if (results.size() < MAX_BARS) {
            results.add(r);
        } else {
            dropped++;
        }
    }

    /** Requests not drawn because of {@link #MAX_BARS}. */
    public synchronized int dropped() {
        return dropped;
    }

    /** The bars, by start time. */
    public synchronized List<Bar> bars() {
        Instant origin = results.stream().map(Result::startedAt).min(Instant::compareTo).orElse(Instant.EPOCH);
        List<Bar> bars = new ArrayList<>(results.size());
        for (Result r : results) {
            long start = (r.startedAt().toEpochMilli() - origin.toEpochMilli());
            bars.add(new Bar(start, start + Math.max(0, r.totalMs()), r.outcome(), r.url()));
        }
        // By start, then URL: requests that start together take the same lanes in every mode.
        bars.sort(Comparator.comparingLong(Bar::startMs).thenComparing(Bar::url));
        return Collections.unmodifiableList(bars);
    }

    /** Bars placed in lanes so no two in a lane overlap (a lane is one "thread" of work). */
    public List<List<Bar>> lanes() {
        List<List<Bar>> lanes = new ArrayList<>();
        List<Long> laneEnds = new ArrayList<>();
        for (Bar bar : bars()) {
            int lane = 0;
            while (lane < lanes.size() && laneEnds.get(lane) > bar.startMs()) {
                lane++;
            }
            if (lane == lanes.size()) {
                lanes.add(new ArrayList<>());
                laneEnds.add(0L);
            }
            lanes.get(lane).add(bar);
            laneEnds.set(lane, bar.endMs());
        }
        return lanes;
    }

    /** Milliseconds from the first start to the last end. */
    public long spanMs() {
        return bars().stream().mapToLong(Bar::endMs).max().orElse(0);
    }
}
