package io.asynccrawler.cli.process;

import io.asynccrawler.job.Frontier;
import io.asynccrawler.job.Job;
import io.asynccrawler.report.Summary;
import io.asynccrawler.report.Units;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * The numbers of a running job as one line:
 * {@code [ 1,234 / 10,000 ] 12%  64 in flight  3.2 MiB/s  ETA 0:42  2 failed}. While the input is
 * still being read the total is what was read so far ({@code [ 1,234 / 5,000 so far ]}), with no
 * percentage or ETA. The byte rate is over the last second or so; the ETA from the pace so far.
 * A crawl's line counts against the URLs admitted so far and tells what is queued, on how many
 * hosts, and how many were excluded ({@link #crawl}).
 */
public final class ProgressLine {
    /** How many samples the rate is taken over (one per {@link #render} call, ten a second). */
    private static final int WINDOW = 10;

    private final Job job;
    private final Summary summary;
    private final LongAdder savedBytes;
    private final Frontier frontier;
    private final long startNanos = System.nanoTime();
    private final long[] sampleBytes = new long[WINDOW];
    private final long[] sampleNanos = new long[WINDOW];
    private int samples;

    /** The line of {@code job} running over {@code frontier}: a crawl's frontier adds its counts. */
    public ProgressLine(Job job, Summary summary, LongAdder savedBytes, Frontier frontier) {
        this.job = job;
        this.summary = summary;
        this.savedBytes = savedBytes;
        this.frontier = frontier;
    }

    /** The line now, at most {@code width} characters. Called from one thread (the status line's). */
    public synchronized String render(int width) {
        long now = System.nanoTime();
        long bytes = savedBytes.sum();
        int slot = samples % WINDOW;
        long oldBytes = samples < WINDOW ? sampleBytes[0] : sampleBytes[slot];
        long oldNanos = samples < WINDOW ? (samples == 0 ? now : sampleNanos[0]) : sampleNanos[slot];
        sampleBytes[slot] = bytes;
        sampleNanos[slot] = now;
        samples++;
        double rate = now > oldNanos ? (bytes - oldBytes) * 1e9 / (now - oldNanos) : 0;
        long done = summary.ok() + summary.skipped() + summary.failed();
        Frontier.Counts crawl = frontier.counts();
        if (crawl != null) {
            return crawl(done, crawl, job.inFlight(), rate, summary.excluded(), summary.failed(), width);
        }
        return format(done, job.read(), job.readingDone(), job.inFlight(), summary.failed(), rate, (now - startNanos) / 1e9, width);
    }

    /**
     * A crawl's line: done against the URLs admitted so far (its end is not known before it
     * comes), then what is queued, and the rest in the order a narrow terminal can lose them:
     * {@code [ 1,234 / 5,678 ]  4,321 queued  16 in flight  1.2 MiB/s  3 hosts  12 excluded  2 failed}.
     */
    static String crawl(long done, Frontier.Counts counts, int inFlight, double bytesPerSecond, long excluded, long failed,
                        int width) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "[ %,d / %,d ]  %,d queued  %d in flight  %s/s  %,d host%s",
                done, counts.admitted(), counts.queued(), inFlight, Units.bytes((long) bytesPerSecond), counts.hosts(),
                counts.hosts() == 1 ? "" : "s"));
        if (excluded > 0) {
            s.append(String.format(Locale.ROOT, "  %,d excluded", excluded));
        }
        if (failed > 0) {
            s.append(String.format(Locale.ROOT, "  %,d failed", failed));
        }
        return s.length() <= width ? s.toString() : s.substring(0, Math.max(0, width));
    }

    static String format(long done, long total, boolean totalKnown, int inFlight, long failed, double bytesPerSecond,
                         double elapsedSeconds, int width) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "[ %,d / %,d%s ]", done, total, totalKnown ? "" : " so far"));
        if (totalKnown && total > 0) {
            s.append(String.format(Locale.ROOT, " %3d%%", Math.min(100, done * 100 / total)));
        }
        s.append("  ").append(inFlight).append(" in flight");
        s.append("  ").append(Units.bytes((long) bytesPerSecond)).append("/s");
        if (totalKnown && done > 0 && done < total) {
            s.append("  ETA ").append(clock((total - done) * elapsedSeconds / done));
        }
        if (failed > 0) {
            s.append(String.format(Locale.ROOT, "  %,d failed", failed));
        }
        return s.length() <= width ? s.toString() : s.substring(0, Math.max(0, width));
    }

    /** {@code 0:42}, {@code 12:05}, {@code 3:02:10}. */
    public static String clock(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
