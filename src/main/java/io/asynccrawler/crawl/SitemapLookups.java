package io.asynccrawler.crawl;

import io.asynccrawler.crawl.FrontierStore.Found;
import io.asynccrawler.fetch.Via;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The sitemaps a crawl looks for unasked ({@link SitemapProbe}): each place once a run, the URLs it
 * lists admitted as a sitemap's; while one is being read the crawl cannot end ({@link #pending()}).
 */
final class SitemapLookups {
    private final SitemapProbe probe;
    private final FrontierStore store;
    private final LinkTriage triage;
    /** Where a sitemap read is written to the store: off the event loop it completes on. */
    private final Executor writer;
    /** Guarded by this; one entry a seed's origin. */
    private final Set<String> lookedFor = new HashSet<>();
    private int pending;

    /**
     * Lookups through {@code probe} (null: none are made), their URLs sorted by {@code triage} into
     * {@code store} on {@code writer}'s threads.
     */
    SitemapLookups(SitemapProbe probe, FrontierStore store, LinkTriage triage, Executor writer) {
        this.probe = probe;
        this.store = store;
        this.triage = triage;
        this.writer = writer;
    }

    /** Whether a lookup is under way. */
    synchronized boolean pending() {
        return pending > 0;
    }

    /**
     * Reads {@code place} unless it was read this run (or no lookups are made); the future completes
     * once what it lists is in the store and {@link #pending()} no longer counts it.
     */
    CompletableFuture<Void> lookFor(URI place) {
        synchronized (this) {
            if (probe == null || !lookedFor.add(place.toString())) {
                return CompletableFuture.completedFuture(null);
            }
            pending++;
        }
        return probe.read(place)
                .thenAcceptAsync(listed -> {
                    Found sitemap = new Found(place, 0, Via.SITEMAP, CrawlFrontier.robotsTxtOf(place));
                    store.ended(null, triage.ofSitemap(sitemap, listed));
                }, writer)
                .whenComplete((v, e) -> {
                    synchronized (this) {
                        pending--;
                    }
                });
    }
}
