package io.asynccrawler.fetch.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.asynccrawler.fetch.FetchSettings;
import io.asynccrawler.fetch.Outcome;
import io.asynccrawler.fetch.PolicyFetcher;
import io.asynccrawler.fetch.Result;
import io.asynccrawler.job.Job;
import io.asynccrawler.job.JobListener;
import io.asynccrawler.job.JobSettings;
import io.asynccrawler.job.UrlSource;
import io.asynccrawler.save.OutputDirectory;
import io.asynccrawler.testing.OneServerTest;
import io.asynccrawler.transport.Transport;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/**
 * What a job does with its connections: kept and reused while URLs remain, closed as their
 * exchanges end once every URL has started, not left open until the client closes.
 */
class ConnectionsAtJobEndTest extends OneServerTest {
    /** What a test checks once the job has returned, while the client is still open. */
    private interface Check {
        void run() throws Exception;
    }

    /**
     * Runs {@code urls} (paths on the test server) at {@code concurrency} and {@code perHost}, checks
     * that every URL was saved, then runs {@code whileClientOpen} before the client closes.
     */
    private void job(int urls, int concurrency, int perHost, String path, Check whileClientOpen) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < urls; i++) {
            lines.add(server.baseUri().resolve(path + "?n=" + i) + " f" + i);
        }
        Path list = Files.write(tmp.resolve("urls.txt"), lines);
        Path out = Files.createDirectories(tmp.resolve("out"));
        FetchSettings settings = FetchSettings.defaults("test");
        ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
        try (NettyClient client = new NettyClient(ClientSettings.of(Transport.auto(), settings, ClientTls.onDemand(false), 2));
             UrlSource source = new UrlSource(List.of(list.toString()), InputStream.nullInputStream())) {
            Job job = new Job(new PolicyFetcher(client, settings, OutputDirectory.open(out)),
                    new JobSettings(concurrency, perHost), JobListener.of(results::add, line -> { }, client::noMoreUrls));
            job.run(source);
            assertThat(results).hasSize(urls).allMatch(r -> r.outcome() == Outcome.OK, "every URL saved");
            whileClientOpen.run();
        }
    }

    /** Whether the server sees every connection closed within a few seconds. */
    private boolean allClosed() throws InterruptedException {
        return server.connections().awaitAtMostOpen(0, Duration.ofSeconds(5));
    }

    @Test
    void connectionsCloseAsTheLastURLsFinishNotWhenTheClientCloses() throws Exception {
        job(4, 4, 0, "/delay/100", () -> assertThat(allClosed()).as("closed with the client still open").isTrue());
        assertThat(server.connections().accepted()).isEqualTo(4);
    }

    @Test
    void connectionsAreReusedWhileURLsRemain() throws Exception {
        // 24 URLs on 4 connections: none closes while URLs remain to be started. (Which close before
        // the client does depends on timing here: one that fell idle just before the last URL
        // started waits in the pool until the end.)
        job(24, 4, 0, "/bytes/100", () -> { });
        assertThat(server.connections().accepted()).isEqualTo(4);
    }

    @Test
    void urlsWaitingBehindTheHostCapStillGetTheKeptConnection() throws Exception {
        // the input is read at once (6 URLs, 5 wait for the host's one place): the connection must stay
        // for them, and close after the last
        job(6, 8, 1, "/delay/30", () -> assertThat(allClosed()).as("closed with the client still open").isTrue());
        assertThat(server.connections().accepted()).isEqualTo(1);
    }
}
