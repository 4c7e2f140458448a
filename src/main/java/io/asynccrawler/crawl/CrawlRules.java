package io.asynccrawler.crawl;

import io.asynccrawler.crawl.FrontierStore.Budget;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What a crawl follows and how politely: from its seeds, links to URLs in {@code scope}, at most
 * {@code maxDepth} links from a seed, and what else {@code follow} says; at most {@code budget} URLs;
 * each host asked as {@code politeness} says.
 *
 * @param scope      which URLs may be fetched at all
 * @param maxDepth   links from a seed at most; {@link Integer#MAX_VALUE} for no limit
 * @param follow     what besides links within the depth is crawled
 * @param budget     the most URLs admitted ({@code --max-pages}, {@code --max-pages-per-host})
 * @param politeness per-host cap and waits
 */
public record CrawlRules(Scope scope, int maxDepth, Follow follow, Budget budget, Politeness politeness) {
    /** Nutch's bound: a site asking for more than this between requests is skipped. */
    public static final Duration DEFAULT_MAX_CRAWL_DELAY = Duration.ofSeconds(30);

    public CrawlRules {
        if (maxDepth < 0) {
            throw new IllegalArgumentException("depth at least 0: " + maxDepth);
        }
    }

    /**
     * What a crawl follows besides links within the depth.
     *
     * @param pageRequisites what a page needs to be shown (images, style sheets, scripts, frames),
     *                       whatever its depth, as wget2 {@code -p}
     * @param sitemaps       the sitemaps each host's robots.txt names, and the pages they list
     * @param maxRedirects   redirects followed one after another from a URL met otherwise
     */
    public record Follow(boolean pageRequisites, boolean sitemaps, int maxRedirects) {
        /** Links and redirects (at most 10 in a row, as fetch), nothing else. */
        public static final Follow LINKS = new Follow(false, false, 10);
    }

    /**
     * How hard a crawl may ask one host: at most {@code perHost} requests at once, their starts at
     * least {@code waitBetween} apart (with {@code randomWait}, 0.5 to 1.5 times that, as wget's
     * {@code --random-wait}), or the host's robots.txt Crawl-delay if longer, up to {@code
     * maxCrawlDelay}: a host asking for more is not crawled.
     *
     * @param perHost       requests of one host in flight at once, at least 1
     * @param waitBetween   the least time between two request starts to one host, zero for none
     * @param randomWait    vary each wait between 0.5 and 1.5 times {@code waitBetween}
     * @param maxCrawlDelay the longest Crawl-delay honoured
     */
    public record Politeness(int perHost, Duration waitBetween, boolean randomWait, Duration maxCrawlDelay) {
        public Politeness {
            if (perHost < 1 || waitBetween.isNegative()) {
                throw new IllegalArgumentException("per-host at least 1, wait at least 0: " + perHost + ", " + waitBetween);
            }
        }

        /**
         * The time until a host's next request may start: the wait (varied with --random-wait) or
         * the host's Crawl-delay of {@code crawlDelayNanos}, the longer.
         */
        long gapNanos(long crawlDelayNanos) {
            long wait = waitBetween.toNanos();
            if (randomWait) {
                wait = (long) (wait * (0.5 + ThreadLocalRandom.current().nextDouble()));
            }
            return Math.max(wait, crawlDelayNanos);
        }

        /** {@code perHost} at once, no wait, Crawl-delay honoured up to the default bound. */
        public static Politeness of(int perHost) {
            return new Politeness(perHost, Duration.ZERO, false, DEFAULT_MAX_CRAWL_DELAY);
        }
    }

    /** The seeds' hosts to {@code maxDepth}, {@code perHost} at once, links and redirects only. */
    public static CrawlRules of(List<URI> seeds, int maxDepth, int perHost) {
        return new CrawlRules(Scope.ofSeeds(seeds), maxDepth, Follow.LINKS, Budget.NONE, Politeness.of(perHost));
    }

    public List<URI> seeds() {
        return scope.seeds();
    }
}
