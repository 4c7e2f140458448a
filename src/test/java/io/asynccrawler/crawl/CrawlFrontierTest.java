package io.asynccrawler.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.asynccrawler.fetch.BodyReceiver;
import io.asynccrawler.fetch.ExchangeClient;
import io.asynccrawler.fetch.FetchSettings;
import io.asynccrawler.fetch.Fetcher;
import io.asynccrawler.fetch.InFlight;
import io.asynccrawler.fetch.Outcome;
import io.asynccrawler.fetch.PolicyFetcher;
import io.asynccrawler.fetch.Request;
import io.asynccrawler.fetch.Result;
import io.asynccrawler.fetch.Target;
import io.asynccrawler.fetch.netty.ClientSettings;
import io.asynccrawler.fetch.netty.ClientTls;
import io.asynccrawler.fetch.netty.NettyClient;
import io.asynccrawler.job.Job;
import io.asynccrawler.job.JobListener;
import io.asynccrawler.job.JobSettings;
import io.asynccrawler.save.OutputDirectory;
import io.asynccrawler.server.SiteShape;
import io.asynccrawler.server.TestServer;
import io.asynccrawler.testing.ScriptedServer;
import io.asynccrawler.testing.ScriptedServer.Script;
import io.asynccrawler.transport.Transport;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crawl run by the Job over the generated site: the frontier fills as pages end, stays within
 * the seed's host and the depth, and a crawl stopped half way goes on from its store, fetching
 * again only what the stop cancelled.
 */
class CrawlFrontierTest {
    private static final SiteShape SITE = new SiteShape(100, 3);
    /** What a crawl to depth 2 from the root fetches, all of it on the seed's host. */
    private static final Set<String> DEPTH_2 = new TreeSet<>();

    static {
        DEPTH_2.addAll(SITE.pagesWithin(2)); // the root and pages 1-12
        // the other files within two links: the root's and page 1-3's requisites, the style sheet's, the extras
        for (String extra : List.of("calendar/2026/1", "calendar/2026/2", "loop/", "loop/a/", "moved/2.html",
                "style.css", "print.css", "img/bg.png", "img/0.png", "img/1.png", "img/2.png", "img/3.png")) {
            DEPTH_2.add(SITE.root() + extra);
        }
        DEPTH_2.remove(SITE.path(11)); // the server's robots.txt disallows it
    }

    @TempDir
    Path tmp;

    private TestServer server;
    private NettyClient client;
    private final FetchSettings settings = FetchSettings.builder("test-crawler").retries(0).build();

    @BeforeEach
    void start() throws InterruptedException {
        server = TestServer.start("127.0.0.1", 0, null, Transport.auto());
        client = new NettyClient(ClientSettings.of(Transport.auto(), settings, ClientTls.onDemand(false), 2));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private URI root() {
        return URI.create("http://127.0.0.1:" + server.baseUri().getPort() + SITE.root());
    }

    private List<Result> crawl(int depth, String stopAt) throws Exception {
        return crawl(CrawlRules.of(List.of(root()), depth, 2), stopAt);
    }

    /** Runs the crawl on the store in tmp/state into tmp/out; with {@code stopAt}, the job is stopped while that page is in flight. */
    private List<Result> crawl(CrawlRules rules, String stopAt) throws Exception {
        OutputDirectory out = OutputDirectory.open(tmp.resolve("out"));
        ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
        AtomicReference<Job> job = new AtomicReference<>();
        PolicyFetcher policy = new PolicyFetcher(client, settings, out);
        PolicyFetcher robotsPolicy = robotsClient == null ? policy : new PolicyFetcher(robotsClient, settings, out);
        CrawlParts parts = new CrawlParts(RocksFrontierStore.open(tmp.resolve("state")), new LinkExtractor(1 << 20, 1000), out,
                new RobotsTxt(robotsPolicy, settings.userAgent()), new SitemapProbe(policy));
        try (CrawlFrontier frontier = new CrawlFrontier(parts, rules)) {
            fetcher = new StoppingAt(policy, stopAt, () -> job.get().interrupt());
            job.set(new Job(fetcher, new JobSettings(8, 0), JobListener.of(results::add, line -> { })));
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> job.get().run(frontier));
        }
        excluded = results.stream().filter(r -> r.outcome() == Outcome.EXCLUDED)
                .collect(Collectors.groupingBy(Result::reasonWord, TreeMap::new, Collectors.counting()));
        return results.stream().filter(r -> r.outcome() != Outcome.EXCLUDED).collect(Collectors.toList());
    }

    /** What fetches robots.txt, when not {@link #client}. */
    private ExchangeClient robotsClient;

    /** The last crawl's fetcher, and what it excluded by reason word. */
    private StoppingAt fetcher;
    private Map<String, Long> excluded;

    /**
     * The crawl's fetcher, but the page {@code stopAt} is held in flight, and the job stopped (from
     * another thread, as Ctrl-C) once it is: the stop cancels it, as it cancels a slow download.
     */
    private static final class StoppingAt implements Fetcher {
        private final PolicyFetcher fetcher;
        private final String stopAt;
        private final Runnable stop;
        private final AtomicReference<Target> held = new AtomicReference<>();
        /** When each fetch started ({@link System#nanoTime()}), in order. */
        final List<Long> starts = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final CompletableFuture<Result> heldResult = new CompletableFuture<>();

        StoppingAt(PolicyFetcher fetcher, String stopAt, Runnable stop) {
            this.fetcher = fetcher;
            this.stopAt = stopAt;
            this.stop = stop;
        }

        @Override
        public CompletableFuture<Result> fetch(Target target) {
            starts.add(System.nanoTime());
            if (target.uri().getPath().equals(stopAt) && held.compareAndSet(null, target)) {
                CompletableFuture.runAsync(stop);
                return heldResult;
            }
            return fetcher.fetch(target);
        }

        @Override
        public void cancelAll() {
            fetcher.cancelAll();
            Target target = held.get();
            if (target != null) {
                heldResult.complete(Result.cancelled(target));
            }
        }

        @Override
        public boolean mayBlockHere() {
            return fetcher.mayBlockHere();
        }
    }

    private static Set<String> paths(List<Result> results, Outcome... outcomes) {
        Set<Outcome> wanted = Set.of(outcomes);
        return results.stream().filter(r -> wanted.contains(r.outcome())).map(r -> URI.create(r.url()).getPath())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void aCrawlSavesWhatIsWithinItsHostAndDepthEachOnce() throws Exception {
        List<Result> results = crawl(2, null);
        assertThat(paths(results, Outcome.OK)).isEqualTo(DEPTH_2);
        assertThat(results).hasSize(DEPTH_2.size()); // each once; the broken links of pages 4 and 9 are a link too deep
        assertThat(excluded).containsEntry("robots_disallowed", 1L).containsEntry("nofollow", 1L)
                .containsEntry("out_of_scope", 1L).containsKey("too_deep").hasSize(4);
    }

    /** A scripted host whose robots.txt asks for {@code crawlDelay}, and whose every page links to /a, /b and /c. */
    private static ScriptedServer politeHost(String crawlDelay) throws Exception {
        String page = "<a href=/a>a</a> <a href=/b>b</a> <a href=/c>c</a>";
        String robots = "User-agent: *\nCrawl-delay: " + crawlDelay + "\n";
        return new ScriptedServer()
                .on("/robots.txt", Script.reply("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
                        + robots.length() + "\r\n\r\n" + robots))
                .otherwise(Script.reply("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + page.length()
                        + "\r\n\r\n" + page));
    }

    @Test
    void aCrawlDelayLongerThanTheWaitSpacesTheHostsRequestsAndOneTooLongSkipsTheHost() throws Exception {
        try (ScriptedServer host = politeHost("0.2")) {
            List<Result> results = crawl(CrawlRules.of(List.of(URI.create(host.base() + "/")), 1, 4), null);
            assertThat(results).hasSize(4).allMatch(r -> r.outcome() == Outcome.OK);
            List<Long> starts = fetcher.starts;
            for (int i = 1; i < starts.size(); i++) {
                assertThat(Duration.ofNanos(starts.get(i) - starts.get(i - 1))).as("gap " + i)
                        .isGreaterThanOrEqualTo(Duration.ofMillis(190)); // 200 ms, less the hand-over to the fetch
            }
        }
        try (ScriptedServer host = politeHost("60")) {
            assertThat(crawl(CrawlRules.of(List.of(URI.create(host.base() + "/")), 1, 4), null)).isEmpty();
            assertThat(excluded).containsExactly(Map.entry("crawl_delay_too_long", 1L));
            assertThat(host.hits("/")).as("nothing fetched but robots.txt").isZero();
        }
    }

    /** A host whose robots.txt names no sitemap; its root links nowhere; /sitemap.xml lists /orphan, if {@code hasSitemap}. */
    private static ScriptedServer hostWithoutNamedSitemap(boolean hasSitemap) throws Exception {
        ScriptedServer host = new ScriptedServer();
        String sitemap = "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>"
                + host.base() + "/orphan</loc></url></urlset>";
        String page = "<p>no links";
        return host.on("/robots.txt", Script.reply("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 14\r\n\r\n"
                        + "User-agent: *\n"))
                .on("/sitemap.xml", hasSitemap
                        ? Script.reply("HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: " + sitemap.length()
                                + "\r\n\r\n" + sitemap)
                        : Script.reply("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"))
                .otherwise(Script.reply("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + page.length()
                        + "\r\n\r\n" + page));
    }

    @Test
    void aSeedsHostWhoseRobotsTxtNamesNoSitemapHasItsSitemapXmlReadAndNothingFailsWithout() throws Exception {
        for (boolean hasSitemap : new boolean[] {true, false}) { // two hosts, one store: each its own seed
            try (ScriptedServer host = hostWithoutNamedSitemap(hasSitemap)) {
                URI seed = URI.create(host.base() + "/");
                CrawlRules rules = new CrawlRules(Scope.ofSeeds(List.of(seed)), 1, new CrawlRules.Follow(false, true, 10),
                        FrontierStore.Budget.NONE, CrawlRules.Politeness.of(4));
                List<Result> results = crawl(rules, null);
                assertThat(results).allMatch(r -> r.outcome() == Outcome.OK, "nothing failed");
                assertThat(host.hits("/sitemap.xml")).as("looked for once").isEqualTo(1);
                if (hasSitemap) {
                    assertThat(results).extracting(r -> URI.create(r.url()).getPath()).containsExactlyInAnyOrder("/", "/orphan");
                    Result orphan = results.stream().filter(r -> r.url().endsWith("/orphan")).findFirst().orElseThrow();
                    assertThat(orphan.origin().via().word()).isEqualTo("sitemap");
                    assertThat(orphan.origin().referrer()).isEqualTo(host.base() + "/sitemap.xml");
                } else {
                    assertThat(results).extracting(r -> URI.create(r.url()).getPath()).containsExactly("/");
                }
            }
        }
    }

    @Test
    void aRobotsTxtFetchedBeforeItsAskReturnedStillHasItsSitemapsRead() throws Exception {
        // as a blocking mode can on loopback: the exchange has ended when the client hands it back
        robotsClient = new ExchangeClient() {
            @Override
            public InFlight exchange(Request request, BodyReceiver receiver) {
                InFlight exchange = client.exchange(request, receiver);
                exchange.completion().handle((v, e) -> null).join();
                return exchange;
            }

            @Override
            public void close() {
            }
        };
        CrawlRules rules = new CrawlRules(Scope.ofSeeds(List.of(root())), 1, new CrawlRules.Follow(false, true, 10),
                FrontierStore.Budget.NONE, CrawlRules.Politeness.of(4));
        assertThat(crawl(rules, null)).extracting(r -> URI.create(r.url()).getPath())
                .contains("/site/sitemap.xml", "/site/sitemap-orphans.xml.gz", "/site/orphans/1.html");
    }

    @Test
    void aHostsRequestsStartAtLeastItsWaitApart() throws Exception {
        Duration wait = Duration.ofMillis(100);
        List<Result> results = crawl(new CrawlRules(Scope.ofSeeds(List.of(root())), 1, CrawlRules.Follow.LINKS, FrontierStore.Budget.NONE,
                new CrawlRules.Politeness(4, wait, false, CrawlRules.DEFAULT_MAX_CRAWL_DELAY)), null);
        assertThat(results).hasSize(8); // the root; pages 1-3, the calendar, the loop, the style sheet and the image at depth 1
        List<Long> starts = fetcher.starts;
        // the frontier spaces its hand-outs; the fetch starts a moment after each, a moment that varies
        Duration handOver = Duration.ofMillis(10);
        for (int i = 1; i < starts.size(); i++) {
            assertThat(Duration.ofNanos(starts.get(i) - starts.get(i - 1))).as("gap " + i)
                    .isGreaterThanOrEqualTo(wait.minus(handOver));
        }
    }

    @Test
    void aCrawlStoppedHalfWayGoesOnFromItsStoreAndFetchesNothingTwiceThatEnded() throws Exception {
        List<Result> first = crawl(2, SITE.path(5));
        assertThat(first).filteredOn(r -> "cancelled".equals(r.reasonWord())).extracting(r -> URI.create(r.url()).getPath())
                .contains(SITE.path(5));
        Set<String> done = paths(first, Outcome.OK);
        assertThat(done).isNotEmpty().isSubsetOf(DEPTH_2);
        assertThat(done.size()).as("stopped before the end").isLessThan(DEPTH_2.size());

        List<Result> second = crawl(2, null);
        Set<String> again = paths(second, Outcome.OK, Outcome.SKIPPED);
        assertThat(again).as("what ended in the first run is not fetched again").doesNotContainAnyElementsOf(done);
        Set<String> all = new TreeSet<>(done);
        all.addAll(again);
        assertThat(all).isEqualTo(DEPTH_2);

        assertThat(crawl(2, null)).as("a finished crawl run again fetches nothing").isEmpty();
    }
}
