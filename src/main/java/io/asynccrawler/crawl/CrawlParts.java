package io.asynccrawler.crawl;

import io.asynccrawler.save.OutputDirectory;

/**
 * What a crawl works with.
 *
 * @param store     its frontier on disk
 * @param extractor reads saved pages for links
 * @param dir       where pages are saved
 * @param robots    each origin's robots.txt, or null to obey none ({@code --no-robots})
 * @param sitemaps  looks for the sitemap of a seed's host whose robots.txt names none, or null not to
 */
public record CrawlParts(FrontierStore store, LinkExtractor extractor, OutputDirectory dir, RobotsTxt robots,
                         SitemapProbe sitemaps) {
    /** Parts with no sitemap looked for unasked. */
    public CrawlParts(FrontierStore store, LinkExtractor extractor, OutputDirectory dir, RobotsTxt robots) {
        this(store, extractor, dir, robots, null);
    }
}
