package io.asynccrawler.crawl;

import io.asynccrawler.fetch.MemoryBody;
import io.asynccrawler.fetch.Outcome;
import io.asynccrawler.fetch.PolicyFetcher;
import io.asynccrawler.fetch.Target;
import io.asynccrawler.fetch.Urls;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one sitemap a crawl looks for unasked: {@code /sitemap.xml} of a seed's host whose
 * robots.txt names none (the place sitemaps.org gives). It is the crawler's own request, as
 * robots.txt is: read into memory (at most {@link #MAX_BYTES}), not saved, not in the report, and
 * its absence is no failure of the crawl; the URLs it lists are crawled and reported as any
 * sitemap's.
 */
public final class SitemapProbe {
    /** A sitemap the site did not name and is larger than this is left: one named would be fetched to disk. */
    static final int MAX_BYTES = 10 << 20;

    private final PolicyFetcher fetcher;

    public SitemapProbe(PolicyFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** The place of {@code url}'s origin's sitemap: {@code /sitemap.xml}. */
    static URI placeFor(URI url) {
        return URI.create(url.getScheme() + "://" + url.getRawAuthority() + "/sitemap.xml");
    }

    /** What {@code sitemap} lists, or nothing when it is missing, too large or no sitemap; never fails. */
    CompletableFuture<SitemapReader.Listed> read(URI sitemap) {
        AtomicReference<MemoryBody> body = new AtomicReference<>();
        return fetcher.fetch(new Target(sitemap, Path.of("sitemap.xml"), "sitemap.xml of " + Urls.origin(sitemap)),
                        MemoryBody.each(MAX_BYTES, body::set))
                .handle((result, error) -> {
                    if (error != null || result.outcome() != Outcome.OK || body.get() == null || body.get().bytes() == null) {
                        return SitemapReader.Listed.NOTHING;
                    }
                    try {
                        return SitemapReader.read(body.get().bytes(), result.contentType(), URI.create(result.finalUrl()));
                    } catch (IOException | RuntimeException e) {
                        return SitemapReader.Listed.NOTHING;
                    }
                });
    }
}
