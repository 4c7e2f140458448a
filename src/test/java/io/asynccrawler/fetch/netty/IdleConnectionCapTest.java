package io.asynccrawler.fetch.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.asynccrawler.fetch.FetchSettings;
import io.asynccrawler.fetch.Http2Use;
import io.asynccrawler.fetch.Outcome;
import io.asynccrawler.fetch.PolicyFetcher;
import io.asynccrawler.fetch.Protocol;
import io.asynccrawler.fetch.Result;
import io.asynccrawler.job.Job;
import io.asynccrawler.job.JobListener;
import io.asynccrawler.job.JobSettings;
import io.asynccrawler.job.UrlSource;
import io.asynccrawler.save.OutputDirectory;
import io.asynccrawler.server.TestServer;
import io.asynccrawler.transport.Transport;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kept-alive connections idle in the pools are capped for all origins together: a job over many
 * hosts does not keep one open with each host it visited (three servers, three origins here).
 */
class IdleConnectionCapTest {
    @TempDir
    Path tmp;

    private final TestServer[] servers = new TestServer[3];

    @BeforeEach
    void start() throws InterruptedException {
        for (int i = 0; i < servers.length; i++) {
            servers[i] = TestServer.start("127.0.0.1", 0, null, Transport.auto());
        }
    }

    @AfterEach
    void stop() {
        for (TestServer s : servers) {
            s.close();
        }
    }

    private String url(int server, String path) {
        return servers[server].baseUri().resolve(path).toString();
    }

    @Test
    void pastTheCapTheConnectionIdleLongestCloses() throws Exception {
        // One at a time: A, B and C leave a connection each; with room for one idle connection, A's
        // closes when B's comes back and B's when C's does. The last URL (A again) needs a new one;
        // it takes a while, so that the input has ended when it does and its connection closes.
        Path list = Files.write(tmp.resolve("urls.txt"), List.of(url(0, "/bytes/10?n=1") + " a1", url(1, "/bytes/10") + " b",
                url(2, "/bytes/10") + " c", url(0, "/delay/300?n=2") + " a2"));
        FetchSettings settings = FetchSettings.defaults("test");
        ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
        try (NettyClient client = new NettyClient(ClientSettings.of(Transport.auto(), settings, ClientTls.onDemand(false), 2).withMaxIdle(1));
             UrlSource source = new UrlSource(List.of(list.toString()), InputStream.nullInputStream())) {
            new Job(new PolicyFetcher(client, settings, OutputDirectory.open(Files.createDirectories(tmp.resolve("out")))),
                    new JobSettings(1, 0), JobListener.of(results::add, line -> { }, client::noMoreUrls)).run(source);
            assertThat(results).hasSize(4).allMatch(r -> r.outcome() == Outcome.OK);
            // The client is still open: only C's connection may be (the last URL's closed as it ended).
            assertThat(servers[0].connections().awaitAtMostOpen(0, Duration.ofSeconds(5))).as("A's").isTrue();
            assertThat(servers[1].connections().awaitAtMostOpen(0, Duration.ofSeconds(5))).as("B's, evicted").isTrue();
            assertThat(servers[2].connections().open()).as("C's, kept").isEqualTo(1);
        }
        assertThat(servers[0].connections().accepted()).as("A's first connection was closed, not reused").isEqualTo(2);
    }

    @Test
    void anHttp2ConnectionWithNoStreamOpenCountsAmongTheIdle() throws Exception {
        // As above over h2c: each origin's one connection is idle once its stream ended, and the cap
        // closes A's when B's is idle, B's when C's is; A's second connection, idle at the end, C's.
        Path list = Files.write(tmp.resolve("urls.txt"), List.of(url(0, "/bytes/10?n=1") + " a1", url(1, "/bytes/10") + " b",
                url(2, "/bytes/10") + " c", url(0, "/bytes/10?n=2") + " a2"));
        FetchSettings settings = FetchSettings.builder("test").http2(Http2Use.PRIOR_KNOWLEDGE).build();
        ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
        try (NettyClient client = new NettyClient(ClientSettings.of(Transport.auto(), settings, ClientTls.onDemand(false), 2).withMaxIdle(1));
             UrlSource source = new UrlSource(List.of(list.toString()), InputStream.nullInputStream())) {
            new Job(new PolicyFetcher(client, settings, OutputDirectory.open(Files.createDirectories(tmp.resolve("out")))),
                    new JobSettings(1, 0), JobListener.of(results::add, line -> { }, client::noMoreUrls)).run(source);
            assertThat(results).hasSize(4).allMatch(r -> r.outcome() == Outcome.OK && r.protocol() == Protocol.H2);
            assertThat(servers[1].connections().awaitAtMostOpen(0, Duration.ofSeconds(5))).as("B's, evicted").isTrue();
            assertThat(servers[2].connections().awaitAtMostOpen(0, Duration.ofSeconds(5))).as("C's, evicted").isTrue();
            assertThat(servers[0].connections().open()).as("A's second, kept").isEqualTo(1);
        }
        assertThat(servers[0].connections().accepted()).as("A's first connection was closed, not reused").isEqualTo(2);
    }

    @Test
    void anHttp2ConnectionTheCapClosedTakesNoStream() throws Exception {
        // Two origins over h2c, URLs alternating, room for no idle connection: a connection whose
        // last stream ended is closed at once, often as the next URL of its origin asks it for a
        // stream. No retries: such a URL must go to a new connection, not fail.
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            urls.add(url(i % 2, "/bytes/10?i=" + i) + " f" + i);
        }
        Path list = Files.write(tmp.resolve("urls.txt"), urls);
        FetchSettings settings = FetchSettings.builder("test").http2(Http2Use.PRIOR_KNOWLEDGE).retries(0).build();
        ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
        try (NettyClient client = new NettyClient(ClientSettings.of(Transport.auto(), settings, ClientTls.onDemand(false), 2).withMaxIdle(0));
             UrlSource source = new UrlSource(List.of(list.toString()), InputStream.nullInputStream())) {
            new Job(new PolicyFetcher(client, settings, OutputDirectory.open(Files.createDirectories(tmp.resolve("out")))),
                    new JobSettings(2, 0), JobListener.of(results::add, line -> { }, client::noMoreUrls)).run(source);
        }
        assertThat(results).hasSize(urls.size());
        assertThat(results.stream().filter(r -> r.outcome() != Outcome.OK).map(r -> r.url() + ": " + r.error())).as("failed").isEmpty();
        assertThat(servers[0].connections().accepted() + servers[1].connections().accepted()).as("connections closed when idle")
                .isGreaterThan(20);
    }

    @Test
    void aConnectionClosedByTheCapIsNeverHandedToARequest() throws Exception {
        // Many requests at once over two event loops, room for one idle connection: each response
        // that ends closes the connection idle longest, often one of the other loop's, while a
        // request takes it out of the pool. No retries: a request given a connection the cap is
        // closing fails ("connection closed before a response"), twice in a row even with its
        // one new connection.
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            urls.add(url(0, "/bytes/10?i=" + i) + " f" + i);
        }
        Path list = Files.write(tmp.resolve("urls.txt"), urls);
        FetchSettings d = FetchSettings.defaults("test");
        FetchSettings settings = d.toBuilder().retries(0).build();
        ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
        try (NettyClient client = new NettyClient(ClientSettings.of(Transport.auto(), settings, ClientTls.onDemand(false), 2).withMaxIdle(1));
             UrlSource source = new UrlSource(List.of(list.toString()), InputStream.nullInputStream())) {
            new Job(new PolicyFetcher(client, settings, OutputDirectory.open(Files.createDirectories(tmp.resolve("out")))),
                    new JobSettings(64, 0), JobListener.of(results::add, line -> { }, client::noMoreUrls)).run(source);
        }
        assertThat(results).hasSize(urls.size());
        assertThat(results.stream().filter(r -> r.outcome() != Outcome.OK).map(r -> r.url() + ": " + r.error()))
                .as("failed").isEmpty();
    }

    @Test
    void theCapGrowsWithConcurrency() {
        assertThat(NettyClient.maxIdleFor(1)).isEqualTo(64);
        assertThat(NettyClient.maxIdleFor(64)).isEqualTo(256);
        assertThat(NettyClient.maxIdleFor(10_000)).isEqualTo(40_000);
        assertThat(NettyClient.maxIdleFor(Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
    }
}
