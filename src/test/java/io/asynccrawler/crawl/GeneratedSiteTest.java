package io.asynccrawler.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asynccrawler.server.SiteShape;
import io.asynccrawler.server.TestServer;
import io.asynccrawler.transport.Transport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crawler serve}'s generated site read with the link extractor, breadth first to a depth:
 * the pages found are the ones its shape says, each found once whatever the spelling of its links,
 * and every page holds the corners a crawl must meet (requisites, broken links, a redirect, a
 * second host, nofollow, traps).
 */
class GeneratedSiteTest {
    private static final SiteShape SITE = new SiteShape(100, 3);

    @TempDir
    Path tmp;

    private TestServer server;
    private String base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final LinkExtractor extractor = new LinkExtractor(LinkExtractor.DEFAULT_MAX_PAGE_BYTES, LinkExtractor.DEFAULT_MAX_LINKS);

    @BeforeEach
    void start() throws InterruptedException {
        server = TestServer.start("127.0.0.1", 0, null, Transport.auto());
        base = "http://127.0.0.1:" + server.baseUri().getPort();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A response: its status, Location, and the links of its body. */
    private record Fetched(int status, String location, PageLinks links) {
    }

    private Fetched get(URI url) throws IOException, InterruptedException {
        Path body = tmp.resolve("body");
        HttpResponse<Path> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofFile(body, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE));
        String type = r.headers().firstValue("content-type").orElse(null);
        return new Fetched(r.statusCode(), r.headers().firstValue("location").orElse(null),
                r.statusCode() == 200 ? extractor.extract(body, type, url) : PageLinks.unread(PageLinks.Read.NOT_A_PAGE));
    }

    /** Breadth first from the root over page links under the site's root, to {@code depth}: each URL and its depth. */
    private Map<URI, Integer> crawl(int depth, Map<URI, Fetched> fetched) throws IOException, InterruptedException {
        URI root = URI.create(base + SITE.root());
        Map<URI, Integer> seen = new LinkedHashMap<>(Map.of(root, 0));
        ArrayDeque<URI> queue = new ArrayDeque<>(List.of(root));
        while (!queue.isEmpty()) {
            URI url = queue.poll();
            Fetched f = get(url);
            assertThat(fetched.put(url, f)).as("fetched once: " + url).isNull();
            for (Link link : f.links().links()) {
                boolean inSite = link.uri().getAuthority().equals(root.getAuthority()) && link.uri().getPath().startsWith(SITE.root());
                if (link.kind() == Link.Kind.PAGE && !link.nofollow() && inSite && seen.get(url) < depth
                        && !seen.containsKey(link.uri())) {
                    seen.put(link.uri(), seen.get(url) + 1);
                    queue.add(link.uri());
                }
            }
        }
        return seen;
    }

    @Test
    void theTreesPagesWithinADepthAreWhatTheShapeSaysEachFoundOnce() throws Exception {
        for (int depth = 0; depth <= 5; depth++) {
            Map<URI, Fetched> fetched = new HashMap<>();
            List<String> pages = new ArrayList<>();
            crawl(depth, fetched).forEach((url, d) -> {
                String path = url.getPath();
                if (path.equals(SITE.root()) || path.startsWith(SITE.root() + "p/")) {
                    pages.add(path);
                    assertThat(fetched.get(url).status()).as(url.toString()).isEqualTo(200);
                    assertThat(d).as(path).isEqualTo(SITE.depth(path.equals(SITE.root()) ? 0
                            : Integer.parseInt(path.substring(SITE.root().length() + 2, path.length() - 5))));
                }
            });
            assertThat(pages).as("depth " + depth).containsExactlyInAnyOrderElementsOf(SITE.pagesWithin(depth));
        }
        assertThat(SITE.pagesWithin(3)).hasSize(1 + 3 + 9 + 27);
        assertThat(SITE.pagesWithin(5)).hasSize(100);
    }

    @Test
    void pagesHoldTheCornersACrawlMustMeet() throws Exception {
        PageLinks root = get(URI.create(base + SITE.root())).links();
        List<String> urls = root.links().stream().map(l -> l.uri().toString()).toList();
        String site = base + SITE.root();
        assertThat(urls).contains(site + "style.css", site + "img/0.png", site + "p/1.html", site + "p/2.html",
                site + "p/3.html", "http://127.0.0.2:" + server.baseUri().getPort() + SITE.root(),
                site + "calendar/2026/1", site + "loop/");
        assertThat(root.links()).filteredOn(l -> l.uri().getPath().endsWith("secret.html")).singleElement()
                .satisfies(l -> assertThat(l.nofollow()).isTrue());
        assertThat(root.refused()).as("the mailto link").isEqualTo(1);

        PageLinks css = get(URI.create(site + "style.css")).links();
        assertThat(css.links()).extracting(l -> l.uri().toString()).containsExactly(site + "print.css", site + "img/bg.png");

        PageLinks four = get(URI.create(site + "p/4.html")).links();
        assertThat(four.links()).extracting(l -> l.uri().toString()).contains(site + "missing/4.html");
        assertThat(get(URI.create(site + "missing/4.html")).status()).isEqualTo(404);

        Fetched moved = get(URI.create(site + "moved/7.html"));
        assertThat(moved.status()).isEqualTo(301);
        assertThat(URI.create(site + "moved/7.html").resolve(moved.location())).hasToString(site + "p/7.html");
        assertThat(get(URI.create(site + "img/7.png")).status()).isEqualTo(200);
        assertThat(get(URI.create(site + "p/100.html")).status()).as("past the last page").isEqualTo(404);
    }

    @Test
    void theTrapsGoOnForeverOneLinkAtATime() throws Exception {
        URI month = URI.create(base + SITE.root() + "calendar/2026/11");
        for (String next : List.of("calendar/2026/12", "calendar/2027/1", "calendar/2027/2")) {
            List<Link> links = get(month).links().links();
            assertThat(links).singleElement().satisfies(l -> assertThat(l.uri().getPath()).isEqualTo(SITE.root() + next));
            month = links.get(0).uri();
        }
        URI loop = URI.create(base + SITE.root() + "loop/");
        for (String next : List.of("loop/a/", "loop/a/a/", "loop/a/a/a/")) {
            List<Link> links = get(loop).links().links();
            assertThat(links).singleElement().satisfies(l -> assertThat(l.uri().getPath()).isEqualTo(SITE.root() + next));
            loop = links.get(0).uri();
        }
    }

    @Test
    void aShapeIsReadAndCheckedAndATreeIsWhatItSays() {
        assertThat(SiteShape.parse("100x3")).isEqualTo(SITE);
        assertThat(SITE.children(0)).containsExactly(1, 2, 3);
        assertThat(SITE.children(32)).containsExactly(97, 98, 99);
        assertThat(SITE.children(33)).isEmpty();
        assertThat(SITE.parent(99)).isEqualTo(32);
        assertThat(new SiteShape(5, 1).depth(4)).isEqualTo(4);
        for (String bad : List.of("100", "x3", "0x3", "100x0", "100x", "axb")) {
            assertThatThrownBy(() -> SiteShape.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
