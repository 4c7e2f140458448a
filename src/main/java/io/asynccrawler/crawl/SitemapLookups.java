package io.asynccrawler.crawl;

import io.asynccrawler.crawl.FrontierStore.Found;
import io.asynccrawler.fetch.Via;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;

/**
 * The sitemaps a crawl looks for unasked ({@link SitemapProbe}): each place once a run, the URLs it
 * lists admitted as a sitemap's; while one is being read the crawl cannot end ({@link #pending()}).
 */
final class SitemapLookups {
    private final SitemapProbe probe;
    private final FrontierStore store;
    private final LinkTriage triage;
    /** Told when a lookup ended: the frontier may be waiting for it. */
    private final Runnable ended;
    /** Guarded by this; one entry a seed's origin. */
    private final Set<String> lookedFor = new HashSet<>();
    private int pending;

    /** Lookups through {@code probe} (null: none are made), their URLs sorted by {@code triage} into {@code store}. */
    SitemapLookups(SitemapProbe probe, FrontierStore store, LinkTriage triage, Runnable ended) {
        this.probe = probe;
        this.store = store;
        this.triage = triage;
        this.ended = ended;
    }

    /** Whether a lookup is under way. */
    synchronized boolean pending() {
        return pending > 0;
    }

    /** Reads {@code place} unless it was read this run (or no lookups are made). */
    void lookFor(URI place) {
        synchronized (this) {
            if (probe == null || !lookedFor.add(place.toString())) {
                return;
            }
            pending++;
        }
        probe.read(place).whenComplete((listed, error) -> {
            try {
                if (listed != null) {
                    Found sitemap = new Found(place, 0, Via.SITEMAP, CrawlFrontier.robotsTxtOf(place));
                    store.ended(null, triage.ofSitemap(sitemap, listed));
                }
            } finally {
                synchronized (this) {
                    pending--;
                }
                ended.run();
            }
        });
    }
}
