package io.asynccrawler.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.asynccrawler.fetch.FetchSettings;
import io.asynccrawler.fetch.Outcome;
import io.asynccrawler.fetch.PolicyFetcher;
import io.asynccrawler.fetch.Result;
import io.asynccrawler.fetch.netty.ClientSettings;
import io.asynccrawler.fetch.netty.ClientTls;
import io.asynccrawler.fetch.netty.NettyClient;
import io.asynccrawler.save.OutputDirectory;
import io.asynccrawler.testing.OneServerTest;
import io.asynccrawler.transport.Transport;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Where results are reported: never on an event loop, so that a report that blocks (a pipe nobody
 * reads) holds back new URLs and never the loops; on the disk thread that saved the body when the
 * fetch ended there, without a hand-over to the job's own thread.
 */
class JobReportingTest extends OneServerTest {
    /** Runs {@code urls} URLs of the test server at concurrency 2; returns the client's longest loop stall. */
    private Duration job(int urls, Consumer<Result> onResult) throws Exception {
        return job(urls(urls), 2, onResult);
    }

    /** {@code n} URLs of the test server, saved as f0, f1, ... */
    private List<String> urls(int n) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add(server.baseUri().resolve("/bytes/100?n=" + i) + " f" + i);
        }
        return lines;
    }

    /** Runs the list {@code lines} at {@code concurrency} into tmp/out; returns the client's longest loop stall. */
    private Duration job(List<String> lines, int concurrency, Consumer<Result> onResult) throws Exception {
        Path list = Files.write(tmp.resolve("urls.txt"), lines);
        Path out = Files.createDirectories(tmp.resolve("out"));
        FetchSettings settings = FetchSettings.builder("test").retries(0).build(); // a refused connect fails at once
        try (NettyClient client = new NettyClient(ClientSettings.of(Transport.auto(), settings, ClientTls.onDemand(false), 2));
             UrlSource source = new UrlSource(List.of(list.toString()), InputStream.nullInputStream())) {
            new Job(new PolicyFetcher(client, settings, OutputDirectory.open(out)), new JobSettings(concurrency, 0),
                    JobListener.of(onResult, line -> { }, client::noMoreUrls))
                    .run(source);
            return client.longestLoopStall();
        }
    }

    @Test
    void resultsAreReportedOffTheEventLoops() throws Exception {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
        job(20, r -> {
            threads.add(Thread.currentThread().getName());
            results.add(r);
        });
        assertThat(results).hasSize(20).allMatch(r -> r.outcome() == Outcome.OK);
        assertThat(threads).isNotEmpty().noneMatch(name -> name.startsWith("fetch-loop"));
    }

    @Test
    void aSavedBodysResultIsReportedOnTheDiskThreadThatSavedItAndAFailedConnectsOffTheLoop() throws Exception {
        int refusedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            refusedPort = s.getLocalPort();
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add(server.baseUri().resolve("/bytes/100?n=" + i) + " ok" + i);
            if (i % 5 == 0) {
                lines.add("http://127.0.0.1:" + refusedPort + "/x" + i + " refused" + i);
            }
        }
        Map<Outcome, Set<String>> threads = new ConcurrentHashMap<>();
        job(lines, 2, r -> threads.computeIfAbsent(r.outcome(), o -> ConcurrentHashMap.newKeySet()).add(Thread.currentThread().getName()));
        // The body's last step (close and rename) ends the fetch on a disk thread, which may block:
        // its result is reported there, unless another disk thread is reporting one or the fetch
        // ended before the reader could wait for it (then on the results thread). A refused
        // connect ends on an event loop, which may not block.
        assertThat(threads.get(Outcome.OK)).anyMatch(name -> name.startsWith("fetch-disk"))
                .noneMatch(name -> name.startsWith("fetch-loop"));
        assertThat(threads.get(Outcome.FAILED)).isNotEmpty().noneMatch(name -> name.startsWith("fetch-loop"));
    }

    @Test
    void reportsThatBlockHoldBackNewUrlsNotTheBodiesOfThoseInFlight() throws Exception {
        // 8 URLs in flight, twice the disk threads; no report returns before all 8 files are saved.
        // Were each blocked report to hold the disk thread that saved its body, the last four
        // bodies would find no thread to save them.
        int inFlight = 8;
        Path out = tmp.resolve("out");
        AtomicBoolean allSaved = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
        job(urls(16), inFlight, r -> {
            if (allSaved.get() && !filesAppear(out, inFlight, Duration.ofSeconds(10))) {
                allSaved.set(false);
            }
            results.add(r);
        });
        assertThat(allSaved).as("the bodies in flight were saved while reports blocked").isTrue();
        assertThat(results).hasSize(16).allMatch(r -> r.outcome() == Outcome.OK);
    }

    /** Whether f0 to f{n-1} all exist in {@code dir} within {@code limit}. */
    private static boolean filesAppear(Path dir, int n, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        for (int i = 0; i < n; i++) {
            while (!Files.exists(dir.resolve("f" + i))) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
        }
        return true;
    }

    @Test
    void aReportThatBlocksHoldsBackNewUrlsNotTheEventLoops() throws Exception {
        CountDownLatch neverOpened = new CountDownLatch(1);
        ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
        Duration stall = job(6, r -> {
            if (results.isEmpty()) {
                try {
                    // The first report blocks for 1.5 s, as a write to a full pipe would.
                    neverOpened.await(1500, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            results.add(r);
        });
        assertThat(results).hasSize(6).allMatch(r -> r.outcome() == Outcome.OK);
        // A loop that ran the blocked report would have been kept from its ticks for 1.5 s.
        assertThat(stall).isLessThan(Duration.ofMillis(1000));
    }
}
