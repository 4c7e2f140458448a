package io.asynccrawler.fetch.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.asynccrawler.fetch.FetchSettings;
import io.asynccrawler.fetch.Outcome;
import io.asynccrawler.fetch.PolicyFetcher;
import io.asynccrawler.fetch.Result;
import io.asynccrawler.fetch.Target;
import io.asynccrawler.save.OutputDirectory;
import io.asynccrawler.server.TestServer;
import io.asynccrawler.transport.Transport;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names are looked up many at once, as many as a job has requests in flight (from 64 to 256): a
 * list over many hosts must not wait for its name server once per host in turn. The lookups here
 * answer only once {@code HOSTS} of them are under way together (a barrier): with fewer at a time
 * they give up, and the URLs fail.
 */
class ConcurrentLookupsTest {
    private static final int HOSTS = 100;

    @TempDir
    Path tmp;

    @Test
    void namesOfDifferentHostsAreLookedUpAtOnce() throws Exception {
        CyclicBarrier together = new CyclicBarrier(HOSTS);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        OffLoopResolver resolver = new OffLoopResolver(host -> {
            threads.add(Thread.currentThread().getName());
            try {
                together.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new UnknownHostException(host + ": only " + together.getNumberWaiting() + " lookups at once");
            }
            return new InetAddress[] {InetAddress.getByName("127.0.0.1")};
        }, NettyClient.lookupsFor(HOSTS), Duration.ofSeconds(20));
        FetchSettings settings = FetchSettings.builder("test").connectTimeout(Duration.ofSeconds(20))
                .readTimeout(Duration.ofSeconds(20)).retries(0).build();
        TestServer server = TestServer.start("127.0.0.1", 0, null, Transport.auto());
        try (NettyClient client = new NettyClient(
                ClientSettings.of(Transport.auto(), settings, ClientTls.onDemand(false), 2).withMaxIdle(64), resolver)) {
            PolicyFetcher fetcher = new PolicyFetcher(client, settings, OutputDirectory.open(Files.createDirectories(tmp.resolve("out"))));
            List<CompletableFuture<Result>> results = new ArrayList<>();
            for (int i = 0; i < HOSTS; i++) {
                String url = "http://host" + i + ".test:" + server.address().getPort() + "/bytes/10";
                results.add(fetcher.fetch(new Target(URI.create(url), Path.of("f" + i), url)));
            }
            for (CompletableFuture<Result> r : results) {
                Result result = r.get(30, TimeUnit.SECONDS);
                assertThat(result.outcome()).as(result.url() + ": " + result.error()).isEqualTo(Outcome.OK);
            }
            assertThat(threads).hasSize(HOSTS).allMatch(name -> name.startsWith("fetch-dns"));
        } finally {
            server.close();
        }
    }

    /**
     * A name server that never answers holds a lookup as long as the system resolver's own timeouts
     * and retries say: the connect timeout bounds it, as curl's does, and the URL is retried as any
     * connect timeout is.
     */
    @Test
    void aLookupThatDoesNotAnswerEndsWithTheConnectTimeout() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        OffLoopResolver resolver = new OffLoopResolver(host -> {
            try {
                never.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new UnknownHostException(host);
        }, 4, Duration.ofMillis(500));
        FetchSettings settings = FetchSettings.builder("test").connectTimeout(Duration.ofMillis(500))
                .readTimeout(Duration.ofSeconds(20)).retries(0).build();
        try (NettyClient client = new NettyClient(
                ClientSettings.of(Transport.auto(), settings, ClientTls.onDemand(false), 2).withMaxIdle(64), resolver)) {
            PolicyFetcher fetcher = new PolicyFetcher(client, settings, OutputDirectory.open(Files.createDirectories(tmp.resolve("out"))));
            String url = "http://silent-name-server.test/x";
            Result result = fetcher.fetch(new Target(URI.create(url), Path.of("x"), url)).get(10, TimeUnit.SECONDS);
            assertThat(result.reasonWord()).as(result.error()).isEqualTo("connect_timeout");
            assertThat(result.error()).isEqualTo("timed out connecting after 500ms (looking up silent-name-server.test)");
        } finally {
            never.countDown();
        }
    }
}
