package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.asynccrawler.crawl.RocksFrontierStore;
import io.asynccrawler.server.SiteShape;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code crawler crawl} end to end: the generated site to a depth, robots.txt obeyed, and a second run that fetches nothing. */
class CrawlCommandTest extends FetchTestBase {
    private static final SiteShape SITE = new SiteShape(100, 3);

    private Cli crawl(String... more) {
        List<String> args = new ArrayList<>(List.of("crawl", "-o", out().toString(), "--report", report().toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    /** The paths of the files saved under the output directory, the state directory left out. */
    private Set<String> saved() throws IOException {
        return saved(out());
    }

    private static Set<String> saved(Path out) throws IOException {
        Path host = out.resolve("127.0.0.1_" + URI.create(base).getPort());
        try (Stream<Path> walk = Files.walk(host)) {
            return walk.filter(Files::isRegularFile).map(p -> "/" + host.relativize(p)).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /**
     * What a crawl of the site to depth 1 saves: the root, its links and its requisites, the
     * sitemaps robots.txt names and the pages only they list.
     */
    private static Set<String> depthOne() {
        String root = SITE.root();
        return Set.of(root + "index.html", root + "p/1.html", root + "p/2.html", root + "p/3.html", root + "calendar/2026/1",
                root + "loop/index.html", root + "style.css", root + "img/0.png", "/site/sitemap.xml",
                "/site/sitemap-orphans.xml.gz", "/site/orphans/1.html", "/site/orphans/2.html", "/site/orphans/3.html");
    }

    private Map<String, JsonNode> outcome(String outcome) throws IOException {
        Map<String, JsonNode> out = new TreeMap<>();
        results().forEach((url, r) -> {
            if (r.get("outcome").asText().equals(outcome)) {
                out.put(url.substring(base.length()), r);
            }
        });
        return out;
    }

    @Test
    void theSiteIsCrawledToItsDepthWithinItsHostAndEveryUrlMetIsInTheReport() throws IOException {
        Cli cli = crawl("-l", "1", base + SITE.root());
        assertThat(cli.exitCode).as(cli.err).isZero();
        String root = SITE.root();
        assertThat(saved()).isEqualTo(depthOne());
        assertThat(cli.err).contains("state", ".crawl-state");
        assertThat(outcome("ok")).hasSize(13);
        JsonNode page = outcome("ok").get(root + "p/1.html");
        assertThat(page.get("depth").asInt()).isEqualTo(1);
        assertThat(page.get("via").asText()).isEqualTo("link");
        assertThat(page.get("referrer").asText()).isEqualTo(base + root);
        assertThat(outcome("ok").get(root).get("via").asText()).isEqualTo("seed");
        assertThat(outcome("ok").get(root + "style.css").get("via").asText()).isEqualTo("requisite");

        Map<String, JsonNode> excluded = outcome("excluded");
        assertThat(excluded.get(root + "secret.html").get("reason").asText()).isEqualTo("nofollow");
        assertThat(excluded.get(root + "p/4.html").get("reason").asText()).isEqualTo("too_deep");
        assertThat(excluded.get(root + "p/4.html").get("error").asText()).isEqualTo("--depth 1");
        assertThat(excluded.get(root + "p/4.html").get("depth").asInt()).isEqualTo(2);
        assertThat(excluded.get(root + "img/1.png").get("reason").asText()).isEqualTo("too_deep");
        assertThat(excluded.get(root + "print.css").get("reason").asText()).isEqualTo("too_deep");
        JsonNode other = results().get(base.replace("127.0.0.1", "127.0.0.2") + root);
        assertThat(other.get("reason").asText()).isEqualTo("out_of_scope");
        assertThat(other.get("referrer").asText()).isEqualTo(base + root);
        assertThat(summary().get("excluded").asLong()).isEqualTo(results().size() - 13);
        JsonNode frontier = summary().get("frontier");
        assertThat(frontier.get("admitted").asLong()).as("every URL fetched, none left").isEqualTo(13);
        assertThat(frontier.get("queued").asLong()).isZero();
        assertThat(frontier.get("hosts").asLong()).as("the second host is out of scope").isEqualTo(1);
        assertThat(cli.err).contains("frontier  13 URLs admitted over 1 host, none left queued");
        JsonNode orphan = outcome("ok").get("/site/orphans/2.html");
        assertThat(orphan.get("via").asText()).isEqualTo("sitemap");
        assertThat(orphan.get("referrer").asText()).isEqualTo(base + "/site/sitemap-orphans.xml.gz");
        assertThat(orphan.get("depth").asInt()).isEqualTo(1);
        assertThat(outcome("ok").get("/site/sitemap.xml").get("referrer").asText()).isEqualTo(base + "/robots.txt");
        assertThat(summary().get("exclusions").get("too_deep").asLong()).isGreaterThan(3);
        assertThat(cli.err).contains("excluded");
        assertThat(out().resolve(".crawl-state")).isDirectory();
    }

    @Test
    void robotsTxtKeepsADisallowedPageOutAndSaysSo() throws IOException {
        Cli cli = crawl("-l", "2", base + SITE.root());
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(saved()).contains(SITE.path(10), SITE.path(12)).doesNotContain(SITE.path(11));
        JsonNode disallowed = results().get(base + SITE.path(11));
        assertThat(disallowed.get("outcome").asText()).isEqualTo("excluded");
        assertThat(disallowed.get("reason").asText()).isEqualTo("robots_disallowed");
        assertThat(disallowed.get("error").asText()).isEqualTo(base + "/robots.txt");
        assertThat(cli.err).contains("disallowed by robots.txt");

        Cli none = crawl("-l", "2", "--no-robots", base + SITE.root());
        assertThat(none.exitCode).as(none.err).isZero();
        assertThat(outcome("ok")).as("run again with --no-robots: what robots.txt kept out, and nothing else")
                .containsOnlyKeys(SITE.path(11));
        assertThat(outcome("excluded")).as("its links, past the depth").isNotEmpty()
                .allSatisfy((url, r) -> assertThat(r.get("reason").asText()).isEqualTo("too_deep"));
        assertThat(saved()).contains(SITE.path(11));
        assertThat(crawl("-l", "2", "--no-robots", base + SITE.root()).exitCode).isZero();
        assertThat(results()).as("the crawl had ended: nothing left to fetch").isEmpty();
    }

    @Test
    void aCrawlRunAgainWithWiderOptionsFetchesWhatTheyHadLeftOut() throws IOException {
        assertThat(crawl("-q", "-l", "1", "--no-sitemaps", "--reject", ".png", "--max-pages", "4", base + SITE.root()).exitCode)
                .isZero();
        assertThat(outcome("ok")).hasSize(4);
        assertThat(outcome("excluded")).extractingFromEntries(e -> e.getValue().get("reason").asText())
                .contains("page_budget", "rejected_by_rule");
        Set<String> first = saved();
        Set<String> reported = outcome("excluded").keySet();

        Cli wider = crawl("-q", "-l", "1", "--no-sitemaps", base + SITE.root());
        assertThat(wider.exitCode).as(wider.err).isZero();
        assertThat(outcome("ok")).as("what the budget and --reject left out, nothing fetched before")
                .containsKey(SITE.root() + "img/0.png").doesNotContainKeys(first.toArray(String[]::new));
        assertThat(outcome("excluded")).as("each exclusion reported once, by the first run that met it")
                .doesNotContainKeys(reported.toArray(String[]::new));
        Path once = tmp.resolve("once");
        assertThat(Cli.run("crawl", "-q", "-o", once.toString(), "-l", "1", "--no-sitemaps", base + SITE.root()).exitCode).isZero();
        assertThat(saved()).as("the same tree as one crawl with the wider options").isEqualTo(saved(once));
    }

    @Test
    void aPageLargerThanMaxPageSizeIsSavedNotReadForLinksAndItsResultSaysSo() throws IOException {
        String root = SITE.root();
        Cli cli = crawl("-l", "1", "--no-sitemaps", "--max-page-size", "100", base + root);
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(outcome("ok")).as("the seed alone: its links were not read").containsOnlyKeys(root);
        JsonNode seed = outcome("ok").get(root);
        assertThat(seed.get("error").asText()).isEqualTo("links not read: " + seed.get("bytes").asLong()
                + " bytes, larger than --max-page-size 100");
        assertThat(saved()).containsExactly(root + "index.html");

        Cli bad = Cli.run("crawl", "-o", tmp.resolve("bad").toString(), "--max-page-size", "ten", base + root);
        assertThat(bad.exitCode).isEqualTo(2);
        assertThat(bad.err).contains("not a size: 'ten'").doesNotContain("Exception");
    }

    @Test
    void pageRequisitesAreFetchedPastTheDepthAndNoPageIs() throws IOException {
        Cli cli = crawl("-q", "-l", "1", "-p", base + SITE.root());
        assertThat(cli.exitCode).as(cli.err).isZero();
        String root = SITE.root();
        Set<String> expected = new TreeSet<>(depthOne());
        expected.addAll(List.of(root + "print.css", root + "img/bg.png", root + "img/1.png", root + "img/2.png", root + "img/3.png"));
        assertThat(saved()).isEqualTo(expected);
        assertThat(outcome("ok").get(root + "img/1.png").get("depth").asInt()).isEqualTo(2);
        assertThat(outcome("excluded").get(root + "p/4.html").get("reason").asText()).isEqualTo("too_deep");
    }

    @Test
    void aRedirectIsAResultOfItsOwnAndItsTargetIsCrawledOnceInScope() throws IOException {
        Cli cli = crawl("-q", "-l", "2", "--no-sitemaps", base + SITE.root());
        assertThat(cli.exitCode).as(cli.err).isZero();
        JsonNode moved = results().get(base + SITE.root() + "moved/2.html");
        assertThat(moved.get("status").asInt()).isEqualTo(301);
        assertThat(moved.get("file").isNull()).isTrue();
        assertThat(moved.get("finalUrl").asText()).isEqualTo(base + SITE.path(2));
        assertThat(saved()).doesNotContain(SITE.root() + "moved/2.html").contains(SITE.path(2));

        String away = base.replace("127.0.0.1", "127.0.0.2") + "/bytes/10";
        Cli off = crawl("-q", "--no-robots", "--state", out().resolve("other-state").toString(), base + "/redirect-to?url=" + away);
        assertThat(off.exitCode).as(off.err).isZero();
        JsonNode target = results().get(away);
        assertThat(target.get("reason").asText()).isEqualTo("out_of_scope");
        assertThat(target.get("via").asText()).isEqualTo("redirect");
        assertThat(target.get("referrer").asText()).isEqualTo(base + "/redirect-to?url=" + away);
    }

    @Test
    void noSitemapsLeavesThePagesOnlyTheyListAlone() throws IOException {
        Cli cli = crawl("-q", "-l", "1", "--no-sitemaps", base + SITE.root());
        assertThat(cli.exitCode).as(cli.err).isZero();
        Set<String> expected = new TreeSet<>(depthOne());
        expected.removeIf(p -> p.startsWith("/site/sitemap") || p.startsWith("/site/orphans/"));
        assertThat(saved()).isEqualTo(expected);
    }

    @Test
    void scopeRulesKeepTheCrawlWhereTheUserSaidAndNameTheRule() throws IOException {
        String root = SITE.root();
        Cli cli = crawl("-q", "-l", "2", "--exclude", "/calendar/", "--reject", "png", "--include", "/site/",
                "--max-pages-per-host", "10", "--per-host", "1", base + root + "p/1.html"); // one at a time: the same ten each run
        assertThat(cli.exitCode).as(cli.err).isZero();
        Map<String, JsonNode> excluded = outcome("excluded");
        assertThat(excluded.get(root + "img/1.png").get("error").asText()).isEqualTo("--reject .png");
        assertThat(excluded.get(root + "img/1.png").get("reason").asText()).isEqualTo("rejected_by_rule");
        assertThat(excluded.get(root + "calendar/2026/1").get("error").asText()).isEqualTo("--exclude /calendar/");
        assertThat(outcome("ok").size() + outcome("failed").size()).as("fetched").isEqualTo(10);
        assertThat(saved()).as("the sitemaps are past the budget too").doesNotContain("/site/orphans/1.html");
        assertThat(excluded.values()).filteredOn(r -> r.get("reason").asText().equals("page_budget")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("error").asText()).isEqualTo("--max-pages-per-host 10"));
        assertThat(saved()).noneMatch(p -> p.endsWith(".png"));
    }

    @Test
    void noParentStaysBelowTheSeedsDirectory() throws IOException {
        Cli cli = crawl("-q", "-l", "1", "--no-parent", base + SITE.path(1));
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(saved()).containsExactlyInAnyOrder(SITE.path(1), SITE.path(4), SITE.path(5), SITE.path(6));
        Map<String, JsonNode> excluded = outcome("excluded");
        assertThat(excluded.get(SITE.root()).get("error").asText()).isEqualTo("--no-parent");
        assertThat(excluded.get(SITE.root() + "style.css").get("reason").asText()).isEqualTo("out_of_scope");
    }

    @Test
    void trapsAreBoundedWithoutADepthLimit() throws IOException {
        Cli cli = crawl("-q", "-l", "0", "--include", "/loop/|/calendar/", "--max-pages", "500", base + SITE.root());
        assertThat(cli.exitCode).as(cli.err).isZero();
        Map<String, JsonNode> excluded = outcome("excluded");
        assertThat(excluded.get(SITE.root() + "loop/a/a/a/").get("reason").asText()).isEqualTo("trap");
        int lastYear = java.time.Year.now().getValue() + 5;
        assertThat(excluded.get(SITE.root() + "calendar/" + (lastYear + 1) + "/1").get("reason").asText()).isEqualTo("trap");
        assertThat(outcome("ok")).containsKey(SITE.root() + "calendar/" + lastYear + "/12").hasSizeLessThan(500);
    }

    @Test
    void aCrawlRunAgainDeeperGoesOnFromTheLinksThatWereTooDeep() throws IOException {
        assertThat(crawl("-q", "-l", "1", "--no-sitemaps", base + SITE.root()).exitCode).isZero();
        Set<String> first = saved();
        Cli deeper = crawl("-q", "-l", "2", "--no-sitemaps", base + SITE.root());
        assertThat(deeper.exitCode).as(deeper.err).isZero();
        Map<String, JsonNode> fetched = outcome("ok");
        assertThat(fetched).as("the depth-2 URLs, and nothing the first run fetched")
                .containsKeys(SITE.path(4), SITE.path(12), SITE.root() + "print.css", SITE.root() + "img/1.png")
                .doesNotContainKeys(SITE.root(), SITE.path(1));
        assertThat(fetched.get(SITE.path(4)).get("depth").asInt()).isEqualTo(2);
        assertThat(saved()).containsAll(first).contains(SITE.path(12)).doesNotContain(SITE.path(11));
        assertThat(crawl("-q", "-l", "2", "--no-sitemaps", base + SITE.root()).exitCode).isZero();
        assertThat(outcome("ok")).as("run again at the same depth: nothing").isEmpty();
    }

    @Test
    void aFinishedCrawlRunAgainFetchesNothing() throws IOException {
        assertThat(crawl("-q", "-l", "1", base + SITE.root()).exitCode).isZero();
        Set<String> first = saved();
        Cli again = crawl("-q", "-l", "1", base + SITE.root());
        assertThat(again.exitCode).isZero();
        assertThat(results()).isEmpty();
        assertThat(saved()).isEqualTo(first);
    }

    @Test
    void theBlockingModesCrawlTheSameSite() throws IOException {
        Cli cli = crawl("-q", "--mode", "sync", "-l", "1", base + SITE.root());
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(saved()).isEqualTo(depthOne());
    }

    @Test
    void aStateInUseByAnotherCrawlIsSaidInOneLine() throws IOException {
        try (RocksFrontierStore other = RocksFrontierStore.open(out().resolve(".crawl-state"))) {
            assertThat(other.queued()).as("another crawl's store, open").isZero();
            Cli cli = crawl("-q", base + SITE.root());
            assertThat(cli.exitCode).isEqualTo(1);
            assertThat(cli.err.strip()).isEqualTo("crawl: the crawl state in " + out().resolve(".crawl-state")
                    + " is in use by another crawl: wait for it to end, or give this one another --state");
        }
    }

    @Test
    void badSeedsAreSaidAndNoSeedIsAUsageError() {
        Cli cli = crawl("ftp://example.org/x");
        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err).contains("crawl: argument 1: not an http(s) URL: ftp://example.org/x", "no seed URL to crawl from");
        assertThat(crawl("-l", "-1", base + "/").err).contains("--depth must not be negative");
        assertThat(crawl("--include", "(", base + "/").err).contains("crawl: not a regular expression: (");
        assertThat(crawl("--domains", "example.org", base + "/").err).contains("--domains needs --span-hosts");
    }
}
