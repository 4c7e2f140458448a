package io.asynccrawler.report;

import io.asynccrawler.fetch.Reason;
import io.asynccrawler.fetch.Result;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Totals of a job, added to as results arrive from any thread. */
public final class Summary {
    /**
     * What a crawl's frontier held at its end: URLs admitted in all (by this run and those before),
     * still queued (a stopped crawl's, to go on with), and hosts with a URL admitted.
     */
    public record CrawlTotals(long admitted, long queued, long hosts) {
    }

    private final String mode;
    private final int concurrency;
    private final long startNanos = System.nanoTime();
    private final LongAdder ok = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder excluded = new LongAdder();
    private final LongAdder cancelled = new LongAdder();
    /** Part files a stop left for --resume, and the bytes in them. */
    private final LongAdder keptParts = new LongAdder();
    private final LongAdder keptBytes = new LongAdder();
    /** Excluded URLs per reason word (a crawl's). */
    private final Map<String, LongAdder> exclusions = new ConcurrentHashMap<>();
    private final LongAdder bytes = new LongAdder();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    /** The first URL that failed for each reason, and its message: what the summary shows as an example. */
    private final Map<String, String[]> examples = new ConcurrentHashMap<>();
    private final LatencyHistogram latency = new LatencyHistogram();
    private final AtomicLong endNanos = new AtomicLong();
    private volatile CrawlTotals crawlTotals;

    public Summary(String mode, int concurrency) {
        this.mode = mode;
        this.concurrency = concurrency;
    }

    public void add(Result r) {
        switch (r.outcome()) {
            case OK: ok.increment(); break;
            case SKIPPED: skipped.increment(); break;
            case CANCELLED:
                cancelled.increment();
                if (r.file() != null) {
                    keptParts.increment();
                    keptBytes.add(r.bytes());
                }
                return; // not the URL's failure, and a kept part's bytes are not saved yet: in no other count
            case EXCLUDED:
                excluded.increment();
                exclusions.computeIfAbsent(r.reasonWord(), k -> new LongAdder()).increment();
                break;
            default:
                failed.increment();
                String reason = r.reason() == null ? Reason.ERROR.word() : r.reasonWord();
                failures.computeIfAbsent(reason, k -> new LongAdder()).increment();
                examples.putIfAbsent(reason, new String[] {r.url(), r.error()});
        }
        bytes.add(r.bytes());
        if (r.attempts() > 0) { // a skipped file or a bad input line took no request
            latency.record(r.totalMs());
        }
    }

    /** A crawl's frontier at its end; a list's job has none. */
    public void crawlTotals(CrawlTotals totals) {
        this.crawlTotals = totals;
    }

    /** What a crawl's frontier held at its end, or null for a list. */
    public CrawlTotals crawlTotals() {
        return crawlTotals;
    }

    /** Marks the end of the job: wall time and rates are measured up to here. */
    public void finish() {
        endNanos.compareAndSet(0, System.nanoTime());
    }

    public String mode() {
        return mode;
    }

    public int concurrency() {
        return concurrency;
    }

    public long ok() {
        return ok.sum();
    }

    public long skipped() {
        return skipped.sum();
    }

    public long failed() {
        return failed.sum();
    }

    /** URLs a stop (Ctrl-C, a signal) left undone: the next run fetches them. */
    public long cancelled() {
        return cancelled.sum();
    }

    /** Part files a stop left for --resume to continue. */
    public long keptParts() {
        return keptParts.sum();
    }

    /** The bytes in {@link #keptParts()}. */
    public long keptBytes() {
        return keptBytes.sum();
    }

    /** URLs a crawl met and did not fetch. */
    public long excluded() {
        return excluded.sum();
    }

    public long bytes() {
        return bytes.sum();
    }

    public double wallSeconds() {
        long end = endNanos.get() == 0 ? System.nanoTime() : endNanos.get();
        return (end - startNanos) / 1e9;
    }

    /** Requests that got an answer or a failure (skips cost no request) per second. */
    public double requestsPerSecond() {
        double wall = wallSeconds();
        return wall <= 0 ? 0 : (ok() + failed()) / wall;
    }

    public double mibPerSecond() {
        double wall = wallSeconds();
        return wall <= 0 ? 0 : bytes() / 1048576.0 / wall;
    }

    public LatencyHistogram latency() {
        return latency;
    }

    /** Failures per reason word, sorted by word. */
    public Map<String, Long> failuresByReason() {
        Map<String, Long> sorted = new TreeMap<>();
        failures.forEach((k, v) -> sorted.put(k, v.sum()));
        return sorted;
    }

    /** Excluded URLs per reason word, sorted by word. */
    public Map<String, Long> exclusionsByReason() {
        Map<String, Long> sorted = new TreeMap<>();
        exclusions.forEach((k, v) -> sorted.put(k, v.sum()));
        return sorted;
    }

    /** The first failed URL for {@code reason} and its error message, or null. */
    public String[] example(String reason) {
        return examples.get(reason);
    }

    /**
     * One line for people: {@code ok 1990, skipped 0, failed 10: 12.3 MiB in 2.41 s (826 req/s, 5.1 MiB/s)};
     * a crawl's tells its excluded URLs after the failed ones.
     */
    public String line() {
        return "ok " + ok() + ", skipped " + skipped() + ", failed " + failed()
                + (cancelled() > 0 ? ", cancelled " + cancelled() : "")
                + (excluded() > 0 ? ", excluded " + excluded() : "") + ": " + Units.bytes(bytes())
                + " in " + Units.fixed(wallSeconds(), 2) + " s (" + Units.fixed(requestsPerSecond(), 0) + " req/s, "
                + Units.fixed(mibPerSecond(), 1) + " MiB/s; latency p50 " + latency.percentile(0.50) + " ms, p95 "
                + latency.percentile(0.95) + " ms, max " + latency.max() + " ms)";
    }
}
