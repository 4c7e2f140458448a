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
import io.asynccrawler.server.TestServer;
import io.asynccrawler.transport.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event loop saves at most as many bodies at once as it has file slots (each holds a part
 * file open), however many requests are in flight: the others wait, and a wait ends with its
 * exchange. Counted in this process's open files (/proc/self/fd).
 */
@EnabledOnOs(OS.LINUX)
class BodiesSavedAtOnceTest {
    @TempDir
    Path tmp;

    private TestServer server;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void start() throws InterruptedException {
        server = TestServer.start("127.0.0.1", 0, null, Transport.auto());
    }

    @AfterEach
    void stop() throws InterruptedException {
        sampler.shutdownNow();
        sampler.awaitTermination(10, TimeUnit.SECONDS);
        server.close();
    }

    /** Runs a job on {@code paths} of the server (each with its file name after a space), all at once; the results in the order they ended. */
    private List<Result> run(List<String> paths, FetchSettings settings, int maxFiles) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String path : paths) {
            lines.add(server.baseUri().resolve("/") + path.substring(1));
        }
        int urls = lines.size();
        Path list = Files.write(tmp.resolve("urls.txt"), lines);
        ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
        try (NettyClient client = new NettyClient(ClientSettings.of(Transport.auto(), settings, ClientTls.onDemand(false), 2)
                .withMaxIdle(NettyClient.maxIdleFor(urls)).withMaxLookups(NettyClient.lookupsFor(urls)).withMaxFiles(maxFiles));
             UrlSource source = new UrlSource(List.of(list.toString()), InputStream.nullInputStream())) {
            new Job(new PolicyFetcher(client, settings, OutputDirectory.open(Files.createDirectories(tmp.resolve("out")))),
                    new JobSettings(urls, 0), JobListener.of(results::add, line -> { }, client::noMoreUrls)).run(source);
        }
        return new ArrayList<>(results);
    }

    /** Part files this process holds open now. */
    private static int openPartFiles() {
        int n = 0;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    if (Files.readSymbolicLink(fd).toString().endsWith(".part")) {
                        n++;
                    }
                } catch (IOException e) {
                    // closed since it was listed
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return n;
    }

    @Test
    void twelveSlowBodiesAtOnceHoldTwoFilesAtMost() throws Exception {
        AtomicInteger most = new AtomicInteger();
        sampler.scheduleWithFixedDelay(() -> most.accumulateAndGet(openPartFiles(), Math::max), 0, 2, TimeUnit.MILLISECONDS);
        // 5 bytes each, one every 40 ms: each body holds its file about 200 ms
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            paths.add("/drip?bytes=5&ms=40&i=" + i + " f" + i);
        }
        List<Result> results = run(paths, FetchSettings.defaults("test"), 2);
        assertThat(results).hasSize(12).allSatisfy(r -> {
            assertThat(r.outcome()).as(r.url() + ": " + r.error()).isEqualTo(Outcome.OK);
            assertThat(r.bytes()).isEqualTo(5);
        });
        assertThat(most.get()).as("part files open at once").isBetween(1, 2);
        try (Stream<Path> files = Files.list(tmp.resolve("out"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".part"))).isEmpty();
        }
    }

    @Test
    void aBodyThatFailsWhileWaitingForAFileEndsWithoutWaitingForOne() throws Exception {
        // One file. The first URL's head comes at once, then a byte every 100 ms for 1 s; the five
        // others' heads come 100 ms later, then nothing: they wait in line for the first's file
        // until their read timeout (300 ms) ends them, and end then, before the first does (not
        // after it, when its file would come free).
        FetchSettings d = FetchSettings.defaults("test");
        FetchSettings settings = d.toBuilder().readTimeout(Duration.ofMillis(300)).retries(0).build();
        List<String> paths = new ArrayList<>(List.of("/drip?bytes=10&ms=100 first"));
        for (int i = 0; i < 5; i++) {
            paths.add("/drip?bytes=5&ms=10000&wait=100&i=" + i + " stalled" + i);
        }
        List<Result> results = run(paths, settings, 1);
        assertThat(results).hasSize(6);
        Result last = results.get(5);
        assertThat(last.outcome()).as(last.url() + ": " + last.error()).isEqualTo(Outcome.OK);
        assertThat(last.bytes()).isEqualTo(10);
        assertThat(results.subList(0, 5)).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(r.reasonWord()).isEqualTo("read_timeout");
        });
        try (Stream<Path> files = Files.list(tmp.resolve("out"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("first");
        }
        assertThat(openPartFiles()).isZero();
    }
}
