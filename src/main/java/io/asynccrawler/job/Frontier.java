package io.asynccrawler.job;

import java.util.concurrent.CompletableFuture;
import io.asynccrawler.fetch.Origin;
import io.asynccrawler.fetch.Reason;
import io.asynccrawler.fetch.Result;
import io.asynccrawler.fetch.Target;
import io.asynccrawler.save.FingerprintSet;
import io.asynccrawler.save.NameSet;
import java.net.URI;

/**
 * Where a Job's URLs come from, and where it tells what became of each. A list is one kind
 * ({@link UrlSource}: read lazily, ends with its input); a crawl is another, empty for a while
 * when the pages in flight may still add links, which is why ending is the frontier's to say:
 * {@link #take()} returns null once no URL will ever come, not when none is ready.
 */
public interface Frontier extends AutoCloseable {
    /**
     * One URL to fetch, an error to report (a bad input line), or a URL a crawl met and does not
     * fetch (reported with outcome excluded).
     *
     * @param uri          the normalised absolute URL (see {@link io.asynccrawler.fetch.Urls#admit}), null for an error
     * @param explicitPath the output path the input named for it, or null to name it after the URL
     * @param location     where it came from ({@code urls.txt:7}, {@code argument 2}), for messages
     * @param error        why the entry cannot be fetched (for an exclusion: the rule, or null), or null
     * @param input        for an error, what was given (at most {@link UrlSource#INPUT_SHOWN} characters), else null
     * @param origin       how a crawl came to the URL, null for a list's
     * @param excluded     why a crawl does not fetch the URL, or null
     */
    record Entry(URI uri, String explicitPath, String location, String error, String input, Origin origin, Reason excluded) {
        static Entry bad(String location, String input, String rawError) {
            // the error is printed on the terminal: a hostile list must not reach it with its escape
            // sequences; the input stays as given (the report's JSON escapes it)
            String error = Printable.of(rawError);
            int shown = UrlSource.INPUT_SHOWN;
            return new Entry(null, null, location, error.length() > 2 * shown ? error.substring(0, 2 * shown) + "..." : error,
                    input.length() > shown ? input.substring(0, shown) + "..." : input, null, null);
        }

        /** A URL of a list, to {@code explicitPath} if not null. */
        public static Entry listed(URI uri, String explicitPath, String location) {
            return new Entry(uri, explicitPath, location, null, null, null, null);
        }

        /** A URL a crawl fetches. */
        public static Entry crawled(URI uri, Origin origin) {
            return new Entry(uri, null, origin.via().word() + " at depth " + origin.depth(), null, null, origin, null);
        }

        /** A URL a crawl met and does not fetch, for {@code reason}; {@code detail} (the rule) may be null. */
        public static Entry excluded(URI uri, Origin origin, Reason reason, String detail) {
            return new Entry(uri, null, origin.via().word() + " at depth " + origin.depth(), detail, null, origin, reason);
        }

        public boolean isError() {
            return error != null && excluded == null;
        }

        public boolean isExcluded() {
            return excluded != null;
        }
    }

    /**
     * The next entry, waiting while none is ready but one may still come; null once none will
     * (the input ended, or a crawl has nothing queued and nothing in flight). Called by the job's
     * reading thread only, and not again after it returned null.
     *
     * @throws InterruptedException when the job is interrupted while this waits
     */
    Entry take() throws InterruptedException;

    /**
     * The fetch of {@code target}, made from an entry {@link #take()} gave, ended with {@code
     * result} (cancelled ones too). Called once for every URL entry, never for an error or excluded entry,
     * after the result is reported and before the URL's permit comes back: what the fetch found
     * is queued before the job may wait for a URL that only it could add. From any thread.
     */
    void ended(Target target, Result result);

    /**
     * {@code result} of {@code target} as the report should have it, with what the frontier will
     * make of it said (a crawl's page too large to read for links); called just before it is
     * reported. The result itself by default.
     */
    default Result noted(Target target, Result result) {
        return result;
    }

    /** URLs given more than once and dropped so far. */
    int duplicates();

    /**
     * Where the job keeps the output names it gives (see {@link io.asynccrawler.save.PathClaims}):
     * in memory for the job, unless the frontier keeps them with itself (a crawl, run again).
     */
    default NameSet names() {
        return new FingerprintSet();
    }

    /**
     * What a crawl's frontier holds, for the progress line.
     *
     * @param admitted URLs admitted to be fetched so far, this run and the runs before
     * @param queued   URLs admitted and not yet ended (in flight included)
     * @param hosts    hosts with URLs queued
     * @param hostsAdmitted hosts with a URL admitted so far, this run and the runs before
     */
    record Counts(long admitted, long queued, long hosts, long hostsAdmitted) {
    }

    /**
     * How many URLs the input holds, known before the job has read them all: completes with the
     * count, or -1 when it cannot be known. Asked by the progress line only: a list counts its
     * lines on first asking, on a thread of its own.
     */
    default CompletableFuture<Long> expectedTotal() {
        return CompletableFuture.completedFuture(-1L);
    }

    /** What the frontier holds now, or null when it has nothing more to say than the job's counts (a list). */
    default Counts counts() {
        return null;
    }

    @Override
    void close();
}
