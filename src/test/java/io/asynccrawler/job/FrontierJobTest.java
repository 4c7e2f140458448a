package io.asynccrawler.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.asynccrawler.fetch.Fetcher;
import io.asynccrawler.fetch.Outcome;
import io.asynccrawler.fetch.Result;
import io.asynccrawler.fetch.Target;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A frontier that is empty while the fetches in flight may still fill it, as a crawl's is: the
 * job waits in take() instead of ending, every URL reaches ended() before its permit comes back,
 * and the job ends when the frontier says so.
 */
class FrontierJobTest {
    /** Each page links to two pages one level deeper, down to DEPTH: 1 + 2 + 4 + 8 URLs. */
    private static final int DEPTH = 3;
    private static final int PAGES = 15;

    private final ExecutorService server = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    /** A tree of links kept in memory: what a crawl's frontier does on disk, without the disk. */
    private static final class TreeFrontier implements Frontier {
        private final ArrayDeque<URI> queued = new ArrayDeque<>(List.of(URI.create("http://h/p")));
        private int outstanding;
        final ConcurrentLinkedQueue<String> ended = new ConcurrentLinkedQueue<>();
        /** The job's free permits as each URL ended. */
        final ConcurrentLinkedQueue<Integer> idleAtEnd = new ConcurrentLinkedQueue<>();
        volatile Job job;

        @Override
        public synchronized Entry take() throws InterruptedException {
            while (queued.isEmpty() && outstanding > 0) {
                wait();
            }
            URI next = queued.poll();
            if (next == null) {
                return null;
            }
            outstanding++;
            return Entry.listed(next, null, "tree");
        }

        @Override
        public synchronized void ended(Target target, Result result) {
            idleAtEnd.add(job.idlePermits());
            ended.add(target.uri().getPath());
            String path = target.uri().getPath();
            if (path.length() - "/p".length() < DEPTH) {
                queued.add(URI.create("http://h" + path + "0"));
                queued.add(URI.create("http://h" + path + "1"));
            }
            outstanding--;
            notifyAll();
        }

        @Override
        public int duplicates() {
            return 0;
        }

        @Override
        public void close() {
        }
    }

    /** Answers every URL on another thread, as a transport does, so the reader waits in take(). */
    private Fetcher fetcher(AtomicInteger inFlight, AtomicInteger mostInFlight) {
        return new Fetcher() {
            @Override
            public CompletableFuture<Result> fetch(Target target) {
                mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                return CompletableFuture.supplyAsync(() -> {
                    inFlight.decrementAndGet();
                    String url = target.uri().toString();
                    return new Result(url, url, 200, target.file().toString(), 1, null, 1, Instant.now(), 0, 0,
                            Outcome.OK, null, null, 0);
                }, server);
            }

            @Override
            public void cancelAll() {
            }
        };
    }

    @ParameterizedTest(name = "concurrency {0}, per-host cap {1}")
    @CsvSource({"1, 0", "4, 0", "4, 1", "64, 2"})
    void aFrontierFilledByTheFetchesInFlightIsRunToItsEnd(int concurrency, int perHost) {
        TreeFrontier frontier = new TreeFrontier();
        ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
        AtomicInteger allStarted = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        Job job = new Job(fetcher(inFlight, mostInFlight), new JobSettings(concurrency, perHost),
                JobListener.of(results::add, line -> { }, allStarted::incrementAndGet));
        frontier.job = job;
        JobTotals totals = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> job.run(frontier));

        assertThat(totals.targets()).isEqualTo(PAGES);
        assertThat(results).hasSize(PAGES).allMatch(r -> r.outcome() == Outcome.OK);
        assertThat(frontier.ended).hasSize(PAGES).doesNotHaveDuplicates();
        assertThat(allStarted).hasValue(1);
        assertThat(job.idlePermits()).isEqualTo(concurrency);
        assertThat(mostInFlight.get()).isLessThanOrEqualTo(concurrency);
        // the permit of the URL that ended was still held when the frontier heard of it
        assertThat(frontier.idleAtEnd).allMatch(idle -> idle < concurrency);
    }
}
