package io.asynccrawler.crawl;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a crawl follows: from its seeds, links to pages of the seeds' hosts (over http or https,
 * as wget2's default), at most {@code maxDepth} links from a seed, at most {@code perHost}
 * requests of a host at once.
 *
 * @param seeds    where the crawl starts, admitted (normal form)
 * @param maxDepth links from a seed at most; {@link Integer#MAX_VALUE} for no limit
 * @param perHost  requests of one host in flight at once, at least 1
 */
public record CrawlRules(List<URI> seeds, int maxDepth, int perHost) {
    public CrawlRules {
        seeds = List.copyOf(seeds);
        if (maxDepth < 0 || perHost < 1) {
            throw new IllegalArgumentException("depth at least 0 and per-host at least 1: " + maxDepth + ", " + perHost);
        }
    }

    /** Whether {@code uri} is on one of the seeds' hosts. */
    public boolean inScope(URI uri) {
        return hosts().contains(uri.getHost().toLowerCase(Locale.ROOT));
    }

    private Set<String> hosts() {
        return seeds.stream().map(s -> s.getHost().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
