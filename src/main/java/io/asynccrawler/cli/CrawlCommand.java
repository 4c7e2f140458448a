package io.asynccrawler.cli;

import io.asynccrawler.cli.process.Stdin;
import io.asynccrawler.cli.process.Terminal;
import io.asynccrawler.crawl.CrawlFrontier;
import io.asynccrawler.crawl.CrawlParts;
import io.asynccrawler.crawl.CrawlRules;
import io.asynccrawler.crawl.LinkExtractor;
import io.asynccrawler.crawl.RobotsTxt;
import io.asynccrawler.crawl.RocksFrontierStore;
import io.asynccrawler.crawl.Scope;
import io.asynccrawler.crawl.SitemapProbe;
import io.asynccrawler.job.Frontier;
import io.asynccrawler.job.UrlSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code crawler crawl}: from seeds, the pages of their hosts, link by link, politely, with a frontier on disk. */
@Command(name = "crawl",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Crawl from the seed URLs: fetch each page, read its links, follow those on the seeds' hosts to --depth.",
            "robots.txt is obeyed and its Crawl-delay honoured. The crawl's state lives on disk (--state): run the",
            "same command again after Ctrl-C or a crash and it goes on; a finished crawl run again fetches nothing.",
            "Exit codes: as fetch (0 all ok or skipped, 1 some failed, 2 usage, 3 output directory, 130 interrupted)."})
final class CrawlCommand implements Callable<Integer> {
    /** As wget2's default depth. */
    static final int DEFAULT_DEPTH = 5;
    /** Requests of one host at once when --per-host is not given: polite, as wget2 and Scrapy's defaults. */
    static final int DEFAULT_PER_HOST = 4;
    /** The state directory's name inside the output directory: no host name (a saved file's first segment) starts with a dot. */
    static final String STATE_DIR = ".crawl-state";

    @Parameters(paramLabel = "URL|FILE", arity = "0..*", description = "Seed URLs, or files of them ('-' = stdin).")
    List<String> inputs = new ArrayList<>();

    @Mixin
    FetchOptions options;

    @Mixin
    ScopeOptions scope;

    @Mixin
    LoggingOptions logging;

    @Spec
    CommandSpec spec;

    /** Where '-' reads from; tests replace it; null: the process's stdin. */
    InputStream stdin;

    @Option(names = "--mode", paramLabel = "M", defaultValue = "async", converter = ModeConverter.class,
            completionCandidates = ModeConverter.Names.class,
            description = "async (the event loop), sync, threads or virtual, as fetch (default: ${DEFAULT-VALUE}).")
    Mode mode;

    @Option(names = {"-l", "--depth"}, paramLabel = "N", defaultValue = "" + DEFAULT_DEPTH,
            description = "Links to follow from a seed at most; 0 for no limit (default: ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = "--wait", paramLabel = "D", defaultValue = "0s", converter = DurationConverter.class,
            description = "Least time between two requests to one host; a longer robots.txt Crawl-delay wins (default: ${DEFAULT-VALUE}).")
    Duration waitBetween;

    @Option(names = "--random-wait", description = "Vary each --wait between 0.5 and 1.5 times its length, as wget.")
    boolean randomWait;

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

    @Option(names = "--state", paramLabel = "DIR",
            description = "Where the crawl keeps what it found and did (default: OUTPUT_DIR/" + STATE_DIR + ").")
    Path state;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        String problem = options.problem(inputs);
        if (problem != null) {
            return usage(err, problem);
        }
        if (depth < 0) {
            return usage(err, "--depth must not be negative: " + depth);
        }
        problem = scope.problem();
        if (problem != null) {
            return usage(err, problem);
        }
        if (!mode.isAvailable()) {
            return usage(err, "--mode " + mode.label() + " needs JDK 21 or later (this is " + Runtime.version() + ")");
        }
        List<URI> seeds = seeds(err);
        if (seeds.isEmpty()) {
            return usage(err, "no seed URL to crawl from");
        }
        CrawlRules rules = new CrawlRules(new Scope(seeds, scope.rules()), depth == 0 ? Integer.MAX_VALUE : depth,
                new CrawlRules.Follow(pageRequisites, !noSitemaps && !noRobots, options.maxRedirects), scope.budget(),
                new CrawlRules.Politeness(options.perHost > 0 ? options.perHost : DEFAULT_PER_HOST, waitBetween, randomWait,
                        maxCrawlDelay));
        Path stateDir = state != null ? state : options.outputDir.resolve(STATE_DIR);
        return JobCommand.run("crawl", options, logging, err, (dir, report) -> {
            JobRun.FrontierSource crawl = fetcher -> {
                CrawlParts parts = new CrawlParts(RocksFrontierStore.open(stateDir),
                        new LinkExtractor(LinkExtractor.DEFAULT_MAX_PAGE_BYTES, LinkExtractor.DEFAULT_MAX_LINKS), dir,
                        noRobots ? null : new RobotsTxt(fetcher, options.fetchSettings().userAgent()),
                        rules.follow().sitemaps() ? new SitemapProbe(fetcher) : null);
                return new CrawlFrontier(parts, rules);
            };
            return new JobRun(mode, options, err, Terminal.ofStderr(System.getenv()), logging).run(crawl, dir, report);
        }, more -> more.println("  state     " + stateDir + " (run the same command again to go on)"));
    }

    /** The seeds the inputs name; their bad lines are said on stderr, as fetch says them. */
    private List<URI> seeds(PrintWriter err) {
        List<URI> seeds = new ArrayList<>();
        try (UrlSource source = new UrlSource(inputs, stdin != null ? stdin : Stdin.interruptible())) {
            for (Frontier.Entry e = source.take(); e != null; e = source.take()) {
                if (e.isError()) {
                    err.println("crawl: " + e.location() + ": " + e.error());
                } else {
                    seeds.add(e.uri());
                }
            }
        }
        return seeds;
    }

    private static int usage(PrintWriter err, String message) {
        return JobCommand.usage(err, "crawl", message);
    }
}
