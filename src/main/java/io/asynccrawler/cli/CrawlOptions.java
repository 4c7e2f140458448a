package io.asynccrawler.cli;

import io.asynccrawler.cli.process.Stdin;
import io.asynccrawler.crawl.CrawlFrontier;
import io.asynccrawler.crawl.CrawlParts;
import io.asynccrawler.crawl.CrawlRules;
import io.asynccrawler.crawl.LinkExtractor;
import io.asynccrawler.crawl.RobotsTxt;
import io.asynccrawler.crawl.RocksFrontierStore;
import io.asynccrawler.crawl.Scope;
import io.asynccrawler.crawl.SitemapProbe;
import io.asynccrawler.fetch.HostPacing;
import io.asynccrawler.job.Frontier;
import io.asynccrawler.job.UrlSource;
import io.asynccrawler.save.OutputDirectory;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What a crawl is, beyond fetching: depth, politeness, robots.txt, sitemaps and scope. Shared by
 * {@code crawler crawl} and {@code crawler compare --crawl}, which runs the same crawl in each mode.
 */
final class CrawlOptions {
    /** As wget2's default depth. */
    static final int DEFAULT_DEPTH = 5;
    /** Requests of one host at once when --per-host is not given: polite, as wget2 and Scrapy's defaults. */
    static final int DEFAULT_PER_HOST = 4;

    @Option(names = {"-l", "--depth"}, paramLabel = "N", defaultValue = "" + DEFAULT_DEPTH,
            description = "Links to follow from a seed at most; 0 for no limit (default: ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = {"-p", "--page-requisites"},
            description = "Also fetch what each page needs to be shown (images, style sheets, scripts, frames), even past --depth.")
    boolean pageRequisites;

    @Option(names = "--no-sitemaps", description = "Do not read the sitemaps robots.txt names.")
    boolean noSitemaps;

    @Option(names = "--max-crawl-delay", paramLabel = "D", defaultValue = "30s", converter = DurationConverter.class,
            description = "A host whose robots.txt asks for a longer Crawl-delay is not crawled (default: ${DEFAULT-VALUE}).")
    Duration maxCrawlDelay;

    @Option(names = "--no-robots", description = "Do not fetch or obey robots.txt.")
    boolean noRobots;

    @Option(names = "--max-page-size", paramLabel = "BYTES", converter = SizeConverter.class, defaultValue = "10M",
            description = "A larger page is saved but not read for links, which its result says (k, M, G suffixes;"
                    + " default: ${DEFAULT-VALUE}).")
    long maxPageSize;

    @Mixin
    ScopeOptions scope;

    /** What is wrong with these options, in one line, or null. */
    String problem() {
        if (depth < 0) {
            return "--depth must not be negative: " + depth;
        }
        if (maxPageSize < 0) {
            return "--max-page-size must not be negative: " + maxPageSize;
        }
        return scope.problem();
    }

    /**
     * The crawl's rules from {@code seeds}, once {@link #problem()} is null, with the fetch options'
     * --per-host (0: not given), --max-redirects and pacing: the crawl's frontier spaces a host's
     * requests itself, holding no permit while one waits (see {@link FetchOptions#frontierPacesHosts}).
     */
    CrawlRules rules(List<URI> seeds, FetchOptions fetch) {
        HostPacing pacing = fetch.pacing.pacing();
        fetch.frontierPacesHosts = true;
        return new CrawlRules(new Scope(seeds, scope.rules()), depth == 0 ? Integer.MAX_VALUE : depth,
                new CrawlRules.Follow(pageRequisites, !noSitemaps && !noRobots, fetch.maxRedirects), scope.budget(),
                new CrawlRules.Politeness(fetch.perHost > 0 ? fetch.perHost : DEFAULT_PER_HOST, pacing.least(), pacing.randomWait(),
                        maxCrawlDelay));
    }

    /** The crawl's frontier for a run into {@code dir}, its state kept in {@code stateDir}. */
    JobRun.FrontierSource frontier(CrawlRules rules, Path stateDir, OutputDirectory dir, String userAgent) {
        return fetcher -> {
            CrawlParts parts = new CrawlParts(RocksFrontierStore.open(stateDir),
                    new LinkExtractor(maxPageSize, LinkExtractor.DEFAULT_MAX_LINKS), dir,
                    noRobots ? null : new RobotsTxt(fetcher, userAgent),
                    rules.follow().sitemaps() ? new SitemapProbe(fetcher) : null);
            return new CrawlFrontier(parts, rules);
        };
    }

    /** The seeds {@code inputs} name; their bad lines are said on stderr as {@code command: where: what}. */
    static List<URI> seeds(List<String> inputs, InputStream stdin, PrintWriter err, String command) {
        List<URI> seeds = new ArrayList<>();
        try (UrlSource source = new UrlSource(inputs, stdin != null ? stdin : Stdin.interruptible())) {
            for (Frontier.Entry e = source.take(); e != null; e = source.take()) {
                if (e.isError()) {
                    err.println(command + ": " + e.location() + ": " + e.error());
                } else {
                    seeds.add(e.uri());
                }
            }
        }
        return seeds;
    }
}
