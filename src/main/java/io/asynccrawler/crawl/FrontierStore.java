package io.asynccrawler.crawl;

import io.asynccrawler.fetch.Origin;
import io.asynccrawler.fetch.Reason;
import io.asynccrawler.fetch.Via;
import io.asynccrawler.save.NameSet;
import java.net.URI;
import java.util.List;
import java.util.function.Predicate;

/**
 * Where a crawl keeps what it found and what it did: the seen-set and the per-host queues, on
 * disk, so that memory does not grow with the crawl and a {@code kill -9} loses nothing. Every
 * change is one atomic step (a page's end and the links it gave, together), and a URL stays in its
 * queue until its page ends: after a crash, what was in flight is queued again, what ended is not.
 * {@link RocksFrontierStore} is the store of one machine; a distributed crawl puts another behind
 * this interface.
 */
public interface FrontierStore extends AutoCloseable {
    /**
     * A URL the crawl met and may fetch.
     *
     * @param uri      normal form ({@link io.asynccrawler.fetch.Urls#admit})
     * @param depth    links from a seed
     * @param via      how it was met
     * @param referrer the page it was met on, or null for a seed
     * @param hops     redirects that led to it from the last URL met otherwise
     */
    record Found(URI uri, int depth, Via via, String referrer, int hops) {
        /** A URL met other than by a redirect. */
        public Found(URI uri, int depth, Via via, String referrer) {
            this(uri, depth, via, referrer, 0);
        }

        /** How the crawl came to it, as the report tells. */
        public Origin origin() {
            return new Origin(depth, referrer, via);
        }
    }

    /** A URL the crawl met and does not fetch, for {@code reason}; {@code detail} (the rule that said so) may be null. */
    record Excluded(Found found, Reason reason, String detail) {
    }

    /**
     * The most URLs a crawl admits to its queues ({@code --max-pages}), in all and of one host;
     * {@link Long#MAX_VALUE} for no limit. A URL past it is kept as excluded for {@link Reason#PAGE_BUDGET}.
     */
    record Budget(long total, long perHost) {
        public static final Budget NONE = new Budget(Long.MAX_VALUE, Long.MAX_VALUE);
    }

    /**
     * What one ended page gave: the URLs to admit (within {@code budget}) and those met and not to
     * be fetched.
     */
    record Admission(List<Found> found, List<Excluded> excluded, Budget budget) {
        public static final Admission NOTHING = new Admission(List.of(), List.of(), Budget.NONE);

        /** {@code found} to admit, no budget, nothing excluded. */
        public static Admission of(List<Found> found) {
            return new Admission(found, List.of(), Budget.NONE);
        }
    }

    /** A URL in its host's queue, in the order it was admitted ({@code seq}, one counter for the crawl). */
    record Queued(String host, long seq, Found found) {
    }

    /** Admits each URL of {@code found} not seen before into its host's queue, in one atomic step; returns the admitted ones. */
    List<Queued> admit(List<Found> found);

    /**
     * In one atomic step: {@code page} (if not null) leaves its queue and is recorded as ended; the
     * URLs of {@code what.found()} are admitted as by {@link #admit} while the budget lasts; each
     * URL of {@code what.excluded()} (and each past the budget) that was not seen is kept as
     * excluded, with the first reason it met, until {@link #takeExcluded} gives it, unless it is
     * admitted first (met again at a depth within the limit, say). Returns the admitted ones.
     */
    List<Queued> ended(Queued page, Admission what);

    /**
     * In one atomic step: {@code page}, excluded at its turn (by its host's robots.txt), leaves
     * its queue and is recorded as ended, its exclusion {@code why} kept as reported (the crawl
     * reports it now) for {@link #admitKept}.
     */
    void endedExcluded(Queued page, Excluded why);

    /**
     * Up to {@code max} of the URLs kept as excluded and not yet reported: the crawl reports them.
     * They stay kept, for {@link #admitKept}.
     */
    List<Excluded> takeExcluded(int max);

    /**
     * Admits the URLs earlier runs excluded that this run's options let through ({@code
     * allowedNow}), within {@code budget}, as by {@link #admit}: a crawl run again with a larger
     * {@code --depth} or {@code --max-pages}, a wider scope or {@code --no-robots} goes on from
     * what the last run left out, without reading its pages again. One excluded at its turn is
     * queued again. Nothing is looked at when {@code options} (the run's options that decide
     * exclusions, as text) are those of the last call. Returns how many were admitted.
     */
    long admitKept(String options, Predicate<Excluded> allowedNow, Budget budget);

    /** Up to {@code max} URLs of {@code host}'s queue with a seq above {@code afterSeq}, oldest first. */
    List<Queued> queuedAfter(String host, long afterSeq, int max);

    /** Up to {@code max} hosts with queued URLs, in key order after {@code after} (null: from the first). */
    List<String> hostsAfter(String after, int max);

    /**
     * Whether {@code uri} is surely admitted already, by this run or one before: an answer from
     * memory, quick and safe from any thread, that {@link #ended} would give too. False means only
     * "not known here": the step decides.
     */
    default boolean surelySeen(URI uri) {
        return false;
    }

    /** URLs queued now (admitted and not ended). */
    long queued();

    /** URLs whose page ended. */
    long ended();

    /** URLs admitted so far, in all: the queued and the ended. */
    default long admitted() {
        return queued() + ended();
    }

    /** Hosts with URLs queued. */
    long hosts();

    /** Hosts with a URL admitted so far, by this run and those before. */
    long hostsAdmitted();

    /** The output names the crawl has given, kept with the rest (see {@link StoreNames}). */
    NameSet names();

    @Override
    void close();
}
