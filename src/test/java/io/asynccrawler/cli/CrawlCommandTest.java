package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.asynccrawler.server.SiteShape;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        Path host = out().resolve("127.0.0.1_" + URI.create(base).getPort());
        try (Stream<Path> walk = Files.walk(host)) {
            return walk.filter(Files::isRegularFile).map(p -> "/" + host.relativize(p)).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void theSiteIsCrawledToItsDepthWithinItsHostObeyingRobotsTxt() throws IOException {
        Cli cli = crawl("-l", "1", base + SITE.root());
        assertThat(cli.exitCode).as(cli.err).isZero();
        String root = SITE.root();
        assertThat(saved()).containsExactlyInAnyOrder(root + "index.html", root + "p/1.html", root + "p/2.html", root + "p/3.html",
                root + "calendar/2026/1", root + "loop/index.html");
        assertThat(cli.err).contains("state", ".crawl-state");
        Map<String, JsonNode> results = results();
        assertThat(results).hasSize(6).allSatisfy((url, r) -> assertThat(r.get("outcome").asText()).isEqualTo("ok"));
        assertThat(out().resolve(".crawl-state")).isDirectory();
    }

    @Test
    void robotsTxtKeepsADisallowedPageOutAndSaysSo() throws IOException {
        Cli cli = crawl("-l", "2", base + SITE.root());
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(saved()).contains(SITE.path(10), SITE.path(12)).doesNotContain(SITE.path(11));
        assertThat(cli.err).contains("not fetched robots_disallowed 1");

        Cli none = crawl("-l", "2", "--no-robots", base + SITE.root());
        assertThat(none.exitCode).isZero();
        assertThat(results()).as("the crawl had ended: nothing left to fetch").isEmpty();
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
        assertThat(saved()).hasSize(6).contains(SITE.root() + "index.html", SITE.root() + "p/3.html");
    }

    @Test
    void badSeedsAreSaidAndNoSeedIsAUsageError() {
        Cli cli = crawl("ftp://example.org/x");
        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err).contains("crawl: argument 1: not an http(s) URL: ftp://example.org/x", "no seed URL to crawl from");
        assertThat(crawl("-l", "-1", base + "/").err).contains("--depth must not be negative");
    }
}
