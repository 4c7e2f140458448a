package io.asynccrawler.crawl;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a crawl follows and how politely: from its seeds, links to pages of the seeds' hosts (over
 * http or https, as wget2's default), at most {@code maxDepth} links from a seed; at most {@code
 * perHost} requests of a host at once, their starts at least {@code waitBetween} apart (or the host's
 * robots.txt Crawl-delay, if longer, up to {@code maxCrawlDelay}: a host asking for more is not
 * crawled).
 *
 * @param seeds         where the crawl starts, admitted (normal form)
 * @param maxDepth      links from a seed at most; {@link Integer#MAX_VALUE} for no limit
 * @param perHost       requests of one host in flight at once, at least 1
 * @param waitBetween   the least time between two request starts to one host, zero for none
 * @param maxCrawlDelay the longest Crawl-delay honoured
 */
public record CrawlRules(List<URI> seeds, int maxDepth, int perHost, Duration waitBetween, Duration maxCrawlDelay) {
    /** Nutch's bound: a site asking for more than this between requests is skipped. */
    public static final Duration DEFAULT_MAX_CRAWL_DELAY = Duration.ofSeconds(30);

    public CrawlRules {
        seeds = List.copyOf(seeds);
        if (maxDepth < 0 || perHost < 1 || waitBetween.isNegative()) {
            throw new IllegalArgumentException("depth and wait at least 0, per-host at least 1: " + maxDepth + ", "
                    + waitBetween + ", " + perHost);
        }
    }

    /** No wait between requests, Crawl-delay honoured up to the default bound. */
    public static CrawlRules of(List<URI> seeds, int maxDepth, int perHost) {
        return new CrawlRules(seeds, maxDepth, perHost, Duration.ZERO, DEFAULT_MAX_CRAWL_DELAY);
    }

    /** Whether {@code uri} is on one of the seeds' hosts. */
    public boolean inScope(URI uri) {
        return hosts().contains(uri.getHost().toLowerCase(Locale.ROOT));
    }

    private Set<String> hosts() {
        return seeds.stream().map(s -> s.getHost().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
