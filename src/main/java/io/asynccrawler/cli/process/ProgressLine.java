package io.asynccrawler.cli.process;

import io.asynccrawler.fetch.Downloads;
import io.asynccrawler.job.Frontier;
import io.asynccrawler.job.Job;
import io.asynccrawler.job.Printable;
import io.asynccrawler.report.Summary;
import io.asynccrawler.report.Units;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The numbers of a running job as one line:
 * {@code [ 1,234 / 10,000 ] 12%  64 in flight  3.2 MiB/s  ETA 0:42  2 failed}. The total is the
 * list's size counted ahead (a regular file's URL lines) until the job has read it all; where it
 * cannot be counted (stdin) it is what was read so far ({@code [ 1,234 / 5,000 so far ]}), with no
 * percentage or ETA. The byte rate is over the last second or so; the ETA is the later of the pace
 * in URLs so far and, when every body in flight has a size, the bytes they still need at that
 * rate. With few downloads in flight the big ones show their own {@code done/size}, as curl, wget
 * and aria2 show them.
 * A crawl's line counts against the URLs admitted so far and tells what is queued, on how many
 * hosts, and how many were excluded ({@link #crawl}).
 */
public final class ProgressLine {
    /** How many samples the rate is taken over (one per {@link #render} call, ten a second). */
    private static final int WINDOW = 10;

    private final Job job;
    private final Summary summary;
    /** Largest bodies shown when this many downloads or fewer are in flight; a body must be this big to be shown. */
    static final int FEW = 4;
    static final long BIG = 1 << 20;

    private final Downloads downloads;
    private final Frontier frontier;
    private final long startNanos = System.nanoTime();
    private final long[] sampleBytes = new long[WINDOW];
    private final long[] sampleNanos = new long[WINDOW];
    private int samples;
    private boolean firstFrame = true;

    /** The line of {@code job} running over {@code frontier}: a crawl's frontier adds its counts. */
    public ProgressLine(Job job, Summary summary, Downloads downloads, Frontier frontier) {
        this.job = job;
        this.summary = summary;
        this.downloads = downloads;
        this.frontier = frontier;
    }

    /** The line now, at most {@code width} characters. Called from one thread (the status line's). */
    public synchronized String render(int width) {
        long now = System.nanoTime();
        long bytes = downloads.saved();
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
        long total = job.read();
        boolean known = job.readingDone();
        long counted = known ? -1 : firstFrame ? awaitCount() : frontier.expectedTotal().getNow(-1L);
        firstFrame = false;
        if (counted >= 0) {
            total = Math.max(total, counted);
            known = true;
        }
        int inFlight = job.inFlight();
        return format(new Numbers(done, total, known, inFlight, summary.failed(), rate, (now - startNanos) / 1e9,
                downloads.remaining(), inFlight <= FEW ? downloads.largest(2) : List.of()), width);
    }

    /**
     * What a list job's line shows.
     *
     * @param total      the URLs in the input, as far as known
     * @param totalKnown whether {@code total} is the whole input (read, or counted ahead)
     * @param bytesLeft  bytes the bodies in flight still need, -1 when one has no size
     * @param largest    the largest bodies in flight, when few are
     */
    record Numbers(long done, long total, boolean totalKnown, int inFlight, long failed, double bytesPerSecond,
                   double elapsedSeconds, long bytesLeft, List<Downloads.Progress> largest) {
    }

    /**
     * The list's size for the first frame, waited for up to 100 ms on this (the status line's)
     * thread: a list of thousands of lines is counted well within it, and the line starts with its
     * total rather than flickering from {@code so far}; a longer count shows on a later frame.
     */
    private long awaitCount() {
        try {
            return frontier.expectedTotal().get(100, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
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

    static String format(Numbers n, int width) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "[ %,d / %,d%s ]", n.done(), n.total(), n.totalKnown() ? "" : " so far"));
        if (n.totalKnown() && n.total() > 0) {
            s.append(String.format(Locale.ROOT, " %3d%%", Math.min(100, n.done() * 100 / n.total())));
        }
        s.append("  ").append(n.inFlight()).append(" in flight");
        s.append("  ").append(Units.bytes((long) n.bytesPerSecond())).append("/s");
        if (n.totalKnown() && n.done() < n.total()) {
            double byUrls = n.done() > 0 ? (n.total() - n.done()) * n.elapsedSeconds() / n.done() : -1;
            double byBytes = n.bytesLeft() > 0 && n.bytesPerSecond() > 0 ? n.bytesLeft() / n.bytesPerSecond() : -1;
            double eta = Math.max(byUrls, byBytes);
            if (eta >= 0) {
                s.append("  ETA ").append(clock(eta));
            }
        }
        if (n.failed() > 0) {
            s.append(String.format(Locale.ROOT, "  %,d failed", n.failed()));
        }
        for (Downloads.Progress body : n.largest()) {
            if (Math.max(body.saved(), body.expected()) >= BIG) {
                s.append("  ").append(shortName(body.name())).append(' ').append(Units.bytes(body.saved()));
                if (body.expected() > 0) {
                    s.append('/').append(Units.bytes(body.expected()))
                            .append(String.format(Locale.ROOT, " %d%%", Math.min(100, body.saved() * 100 / body.expected())));
                }
            }
        }
        return s.length() <= width ? s.toString() : s.substring(0, Math.max(0, width));
    }

    /** A file name cut to 24 characters, its end kept (where the extension and any number are). */
    private static String shortName(String name) {
        String printable = Printable.of(name);
        return printable.length() <= 24 ? printable : "..." + printable.substring(printable.length() - 21);
    }

    /** {@code 0:42}, {@code 12:05}, {@code 3:02:10}. */
    public static String clock(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
