package io.asynccrawler.fetch;

/**
 * How a crawl came to a URL: the report's {@code depth}, {@code referrer} and {@code via} (a list's
 * URLs have none).
 *
 * @param depth    links from a seed
 * @param referrer the page (or robots.txt, or sitemap) it was met on, null for a seed
 * @param via      how it was met
 */
public record Origin(int depth, String referrer, Via via) {
    /** A seed of a crawl. */
    public static Origin seed() {
        return new Origin(0, null, Via.SEED);
    }
}
