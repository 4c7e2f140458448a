package io.asynccrawler.cli;

import io.asynccrawler.fetch.Credentials;
import io.asynccrawler.fetch.ExchangeClient;
import io.asynccrawler.fetch.FetchSettings;
import io.asynccrawler.fetch.Outcome;
import io.asynccrawler.fetch.PolicyFetcher;
import io.asynccrawler.fetch.Proxies;
import io.asynccrawler.job.Job;
import io.asynccrawler.job.JobListener;
import io.asynccrawler.job.JobSettings;
import io.asynccrawler.job.UrlSource;
import io.asynccrawler.save.OutputDirectory;
import io.asynccrawler.server.TestServer;
import io.asynccrawler.transport.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * compare's warm-up ({@code --warm-up N}): before a mode's clock starts, its transport fetches N
 * small bodies from a loopback server of the command's own, each on a new connection, into a
 * scratch directory that is deleted after. The JVM compiles code once it has run a few hundred
 * times; without this, a mode is timed partly while its code is still interpreted (the async mode
 * after a blocking one: 100 connections queued on cold event loops, each request 30-80 ms late).
 * Nothing of it reaches the output, the report, the table or the timeline.
 */
final class ModeWarmUp {
    private static final Logger log = LoggerFactory.getLogger(ModeWarmUp.class);

    private ModeWarmUp() {
    }

    /**
     * Runs {@code requests} requests to {@code server} through {@code client}, {@code concurrency} at
     * once; files go to a new directory under {@code scratch}, deleted before this returns. Failures
     * are ignored: a warm-up that cannot run leaves the mode timed as before.
     *
     * @return how many of the requests succeeded
     */
    static int run(ExchangeClient client, FetchSettings settings, int concurrency, URI server, int requests, Path scratch) {
        List<String> urls = new ArrayList<>(requests);
        for (int i = 0; i < requests; i++) {
            // close=1: the body ends with the connection, so every request opens a new one
            urls.add(server.resolve("/bytes/64?close=1&warm-up=" + i).toString());
        }
        Path dir = null;
        AtomicInteger ok = new AtomicInteger();
        try {
            dir = Files.createTempDirectory(scratch, "crawler-warm-up-");
            // direct and anonymous: the job's proxy (maybe another machine's) and credentials have no business with our server
            PolicyFetcher fetcher = new PolicyFetcher(client, settings.toBuilder().proxies(Proxies.NONE).credentials(Credentials.NONE).build(),
                    OutputDirectory.open(dir));
            // The listener does not tell the client when all URLs have started (allStarted): the
            // mode's own job runs next on the same client, and its connections must stay.
            try (UrlSource source = new UrlSource(urls, InputStream.nullInputStream())) {
                new Job(fetcher, new JobSettings(concurrency, 0), JobListener.of(r -> {
                    if (r.outcome() == Outcome.OK) {
                        ok.incrementAndGet();
                    }
                }, line -> { })).run(source);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("warm-up skipped: {}", e.toString());
        } finally {
            if (dir != null) {
                try {
                    ScratchDirs.delete(dir);
                } catch (IOException e) {
                    log.debug("warm-up directory {} left: {}", dir, e.toString());
                }
            }
        }
        return ok.get();
    }

    /**
     * The loopback server every mode of compare warms up against before its clock starts,
     * or null if none can start here: the modes are then timed cold, as a fetch is, and a line says so.
     */
    static TestServer server(PrintWriter err) {
        try {
            return TestServer.start("127.0.0.1", 0, null, Transport.auto());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) { // a bind failure comes through Netty undeclared
            err.println("compare: no warm-up, the loopback server did not start: " + Errors.describe(e));
            return null;
        }
    }
}
