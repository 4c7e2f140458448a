package io.asynccrawler.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.asynccrawler.fetch.FetchSettings;
import io.asynccrawler.fetch.PolicyFetcher;
import io.asynccrawler.fetch.netty.ClientSettings;
import io.asynccrawler.fetch.netty.ClientTls;
import io.asynccrawler.fetch.netty.NettyClient;
import io.asynccrawler.save.OutputDirectory;
import io.asynccrawler.testing.ScriptedServer;
import io.asynccrawler.testing.ScriptedServer.Script;
import io.asynccrawler.transport.Transport;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** robots.txt read as RFC 9309 says, fetched over a real connection through the fetch policy. */
class RobotsTxtTest {
    private static final String AGENT = "async-crawler/1.0 (+https://example.org/bot)";

    @TempDir
    Path tmp;

    private ScriptedServer server;
    private NettyClient client;
    private RobotsTxt robots;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedServer();
        FetchSettings settings = FetchSettings.builder(AGENT).retries(0).connectTimeout(Duration.ofSeconds(5)).build();
        client = new NettyClient(ClientSettings.of(Transport.auto(), settings, ClientTls.onDemand(false), 1));
        robots = new RobotsTxt(new PolicyFetcher(client, settings, OutputDirectory.open(tmp.resolve("out"))), AGENT);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
    }

    private static String ok(String body) {
        int length = body.getBytes(StandardCharsets.UTF_8).length;
        return "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + length + "\r\n\r\n" + body;
    }

    private HostRules rules() throws Exception {
        return robots.rulesFor(URI.create(server.base() + "/any/page.html")).get(30, TimeUnit.SECONDS);
    }

    private URI url(String path) {
        return URI.create(server.base() + path);
    }

    @Test
    void ourGroupIsMatchedByProductTokenAndTheLongestRuleWins() throws Exception {
        server.on("/robots.txt", Script.reply(ok("""
                User-agent: *
                Disallow: /

                User-agent: Async-Crawler
                Disallow: /private/
                Allow: /private/open.html
                Disallow: /*.pdf$
                Crawl-delay: 2

                Sitemap: https://example.org/sitemap.xml
                """)));
        HostRules rules = rules();
        assertThat(rules.kind()).isEqualTo(HostRules.Kind.RULES);
        assertThat(rules.allows(url("/docs/index.html"))).isTrue();
        assertThat(rules.allows(url("/private/secret.html"))).isFalse();
        assertThat(rules.allows(url("/private/open.html"))).as("Allow is longer than Disallow").isTrue();
        assertThat(rules.allows(url("/docs/paper.pdf"))).isFalse();
        assertThat(rules.allows(url("/docs/paper.pdf.html"))).isTrue();
        assertThat(rules.crawlDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(rules.sitemaps()).containsExactly("https://example.org/sitemap.xml");
    }

    @Test
    void anotherAgentsGroupDoesNotApplyButTheStarGroupDoes() throws Exception {
        server.on("/robots.txt", Script.reply(ok("User-agent: otherbot\nDisallow: /\n\nUser-agent: *\nDisallow: /tmp/\n")));
        HostRules rules = rules();
        assertThat(rules.allows(url("/page"))).isTrue();
        assertThat(rules.allows(url("/tmp/x"))).isFalse();
    }

    @Test
    void aMissingRobotsTxtAllowsEverything() throws Exception {
        server.on("/robots.txt", Script.reply("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"));
        HostRules rules = rules();
        assertThat(rules.kind()).isEqualTo(HostRules.Kind.ALLOW_ALL);
        assertThat(rules.allows(url("/anything"))).isTrue();
    }

    @Test
    void aServerErrorOrNoAnswerAllowsNothingUntilAskedAgain() throws Exception {
        server.on("/robots.txt", Script.reply("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n"));
        HostRules rules = rules();
        assertThat(rules.kind()).isEqualTo(HostRules.Kind.UNREACHABLE);
        assertThat(rules.allows(url("/page"))).isFalse();
        assertThat(rules.retryAt()).isAfter(java.time.Instant.now());

        HostRules refused = robots.rulesFor(URI.create("http://127.0.0.1:1/x")).get(30, TimeUnit.SECONDS);
        assertThat(refused.kind()).isEqualTo(HostRules.Kind.UNREACHABLE);
        assertThat(refused.why()).contains("refused");
    }

    @Test
    void redirectsAreFollowedAndEndlessOnesCountAsNoRobotsTxt() throws Exception {
        server.on("/robots.txt", Script.reply("HTTP/1.1 301 Moved\r\nLocation: /real-robots.txt\r\nContent-Length: 0\r\n\r\n"))
                .on("/real-robots.txt", Script.reply(ok("User-agent: *\nDisallow: /no/\n")));
        assertThat(rules().allows(url("/no/x"))).isFalse();

        try (ScriptedServer looping = new ScriptedServer()) {
            looping.on("/robots.txt", Script.reply("HTTP/1.1 302 Found\r\nLocation: /robots.txt?again\r\nContent-Length: 0\r\n\r\n"));
            HostRules rules = robots.rulesFor(URI.create(looping.base() + "/x")).get(30, TimeUnit.SECONDS);
            assertThat(rules.kind()).isEqualTo(HostRules.Kind.ALLOW_ALL);
        }
    }

    @Test
    void onlyTheFirst500KiBAreRead() throws Exception {
        String filler = ("# " + "x".repeat(1021) + "\n").repeat(600); // 600 KiB of comments
        server.on("/robots.txt", Script.reply(ok("User-agent: *\nDisallow: /early/\n" + filler + "Disallow: /late/\n")));
        HostRules rules = rules();
        assertThat(rules.kind()).isEqualTo(HostRules.Kind.RULES);
        assertThat(rules.allows(url("/early/x"))).isFalse();
        assertThat(rules.allows(url("/late/x"))).as("past 500 KiB: not read").isTrue();
    }

    @Test
    void anOriginsRobotsTxtIsFetchedOnceForAllItsUrls() throws Exception {
        server.on("/robots.txt", Script.reply(ok("User-agent: *\nDisallow: /a\n")));
        for (int i = 0; i < 5; i++) {
            assertThat(robots.rulesFor(url("/page" + i)).get(30, TimeUnit.SECONDS).allows(url("/a"))).isFalse();
        }
        assertThat(server.hits("/robots.txt")).isEqualTo(1);
    }

    @Test
    void theProductTokenIsTheAgentsFirstWord() {
        assertThat(RobotsTxt.productToken("Async-Crawler/2.1 (+https://x)")).isEqualTo("async-crawler");
        assertThat(RobotsTxt.productToken("mybot")).isEqualTo("mybot");
    }
}
