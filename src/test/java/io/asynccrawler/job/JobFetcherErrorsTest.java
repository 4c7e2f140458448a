package io.asynccrawler.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.asynccrawler.fetch.Fetcher;
import io.asynccrawler.fetch.Outcome;
import io.asynccrawler.fetch.Result;
import io.asynccrawler.fetch.Target;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A fetcher that throws, or hands back an already failed future, fails that URL only: the job
 * goes on, every permit comes back, and the job ends. (Both once hung the job: the URL stayed
 * registered as in flight, and even SIGTERM waited for it.)
 */
class JobFetcherErrorsTest {
    private static final class Faulty implements Fetcher {
        @Override
        public CompletableFuture<Result> fetch(Target target) {
            String url = target.uri().toString();
            if (url.endsWith("/throws")) {
                throw new IllegalArgumentException("port out of range");
            }
            if (url.endsWith("/failed")) {
                return CompletableFuture.failedFuture(new IllegalStateException("failed at once"));
            }
            return CompletableFuture.completedFuture(new Result(url, url, 200, "f", 0, null, 1, Instant.now(), 0, 0,
                    Outcome.OK, null, null, 0));
        }

        @Override
        public void cancelAll() {
        }
    }

    @ParameterizedTest(name = "per-host cap {0}")
    @ValueSource(ints = {0, 1})
    void aThrowingFetchFailsItsUrlAndTheJobEnds(int perHost) {
        Map<String, Result> results = new ConcurrentHashMap<>();
        // Concurrency 1: were a permit lost, the URLs after the faulty ones could never start.
        Job job = new Job(new Faulty(), new JobSettings(1, perHost), JobListener.of(r -> results.put(r.url(), r), e -> { }));
        String list = String.join("\n", "http://h/throws", "http://h/ok1", "http://h/failed", "http://h/ok2", "http://h/throws2/throws");
        JobTotals totals = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> job.run(new UrlSource(List.of("-"), new ByteArrayInputStream(list.getBytes()))));

        assertThat(totals.targets()).isEqualTo(5);
        assertThat(results).hasSize(5);
        assertThat(results.get("http://h/ok1").outcome()).isEqualTo(Outcome.OK);
        assertThat(results.get("http://h/ok2").outcome()).isEqualTo(Outcome.OK);
        for (String bad : List.of("http://h/throws", "http://h/failed", "http://h/throws2/throws")) {
            assertThat(results.get(bad).outcome()).as(bad).isEqualTo(Outcome.FAILED);
            assertThat(results.get(bad).reasonWord()).as(bad).isEqualTo("error");
        }
        assertThat(results.get("http://h/throws").error()).contains("port out of range");
        assertThat(results.get("http://h/failed").error()).contains("failed at once");
    }
}
