package io.asynccrawler.crawl;

import java.net.URI;
import java.util.List;

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
     */
    record Found(URI uri, int depth, Via via, String referrer) {
    }

    /** A URL in its host's queue, in the order it was admitted ({@code seq}, one counter for the crawl). */
    record Queued(String host, long seq, Found found) {
    }

    /** Admits each URL of {@code found} not seen before into its host's queue, in one atomic step; returns the admitted ones. */
    List<Queued> admit(List<Found> found);

    /**
     * In one atomic step: {@code page} leaves its queue and is recorded as ended, and the URLs
     * {@code found} on it are admitted as by {@link #admit}; returns the admitted ones.
     */
    List<Queued> ended(Queued page, List<Found> found);

    /** Up to {@code max} URLs of {@code host}'s queue with a seq above {@code afterSeq}, oldest first. */
    List<Queued> queuedAfter(String host, long afterSeq, int max);

    /** Up to {@code max} hosts with queued URLs, in key order after {@code after} (null: from the first). */
    List<String> hostsAfter(String after, int max);

    /** URLs queued now (admitted and not ended). */
    long queued();

    /** URLs whose page ended. */
    long ended();

    @Override
    void close();
}
