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
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An origin's connection pool lives while the origin has a connection: a list over millions of
 * hosts must not keep a pool for every host it ever visited (about 1 KiB each).
 */
class OriginPoolsTest {
    @TempDir
    Path tmp;

    private final FetchSettings settings = FetchSettings.builder("test").connectTimeout(Duration.ofSeconds(5))
            .readTimeout(Duration.ofSeconds(5)).retries(0).build();

    @Test
    void originsThatRefuseLeaveNoPoolBehind() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = s.getLocalPort();
        }
        try (NettyClient client = new NettyClient(ClientSettings.of(Transport.auto(), settings, ClientTls.onDemand(false), 2))) {
            PolicyFetcher fetcher = fetcher(client);
            List<CompletableFuture<Result>> results = new ArrayList<>();
            for (int i = 2; i < 202; i++) { // 200 origins: 127.0.0.2 to 127.0.0.201, nothing listening
                results.add(fetcher.fetch(target("http://127.0.0." + i + ":" + closedPort + "/x", "f" + i)));
            }
            for (CompletableFuture<Result> r : results) {
                assertThat(r.get(10, TimeUnit.SECONDS).reasonWord()).isEqualTo("connect_refused");
            }
            assertThat(awaitPools(client, 0)).as("pools left: %d", client.pools()).isTrue();
        }
    }

    @Test
    void aPoolStaysWhileItKeepsAConnectionAndGoesWithIt() throws Exception {
        TestServer server = TestServer.start("127.0.0.1", 0, null, Transport.auto());
        boolean closed = false;
        try (NettyClient client = new NettyClient(ClientSettings.of(Transport.auto(), settings, ClientTls.onDemand(false), 2))) {
            PolicyFetcher fetcher = fetcher(client);
            String url = server.baseUri().resolve("/bytes/100").toString();
            assertThat(fetcher.fetch(target(url + "?n=1", "a")).get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.OK);
            assertThat(client.pools()).as("kept with its idle connection").isEqualTo(1);
            assertThat(fetcher.fetch(target(url + "?n=2", "b")).get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.OK);
            assertThat(server.connections().accepted()).as("the connection was reused").isEqualTo(1);

            server.close(); // closes the idle connection: its pool goes with it
            closed = true;
            assertThat(awaitPools(client, 0)).as("pools left: %d", client.pools()).isTrue();

            TestServer again = TestServer.start("127.0.0.1", server.address().getPort(), null, Transport.auto());
            try {
                assertThat(fetcher.fetch(target(url + "?n=3", "c")).get(10, TimeUnit.SECONDS).outcome())
                        .as("the origin's next URL makes a new pool").isEqualTo(Outcome.OK);
                assertThat(client.pools()).isEqualTo(1);
            } finally {
                again.close();
            }
        } finally {
            if (!closed) {
                server.close();
            }
        }
    }

    @Test
    void theIdleCapClosingAConnectionDropsItsPool() throws Exception {
        TestServer a = TestServer.start("127.0.0.1", 0, null, Transport.auto());
        TestServer b = TestServer.start("127.0.0.1", 0, null, Transport.auto());
        try (NettyClient client = new NettyClient(ClientSettings.of(Transport.auto(), settings, ClientTls.onDemand(false), 2).withMaxIdle(1))) {
            PolicyFetcher fetcher = fetcher(client);
            assertThat(fetcher.fetch(target(a.baseUri().resolve("/bytes/10").toString(), "a")).get(10, TimeUnit.SECONDS).outcome())
                    .isEqualTo(Outcome.OK);
            // b's connection going idle evicts a's (room for one): a's pool goes, b's stays.
            assertThat(fetcher.fetch(target(b.baseUri().resolve("/bytes/10").toString(), "b")).get(10, TimeUnit.SECONDS).outcome())
                    .isEqualTo(Outcome.OK);
            assertThat(awaitPools(client, 1)).as("pools left: %d", client.pools()).isTrue();
            assertThat(a.connections().awaitAtMostOpen(0, Duration.ofSeconds(5))).isTrue();
            assertThat(b.connections().open()).isEqualTo(1);
        } finally {
            a.close();
            b.close();
        }
    }

    private PolicyFetcher fetcher(NettyClient client) throws Exception {
        return new PolicyFetcher(client, settings, OutputDirectory.open(Files.createDirectories(tmp.resolve("out"))));
    }

    private static Target target(String url, String name) {
        return new Target(URI.create(url), Path.of(name), url);
    }

    /** Whether the client holds at most {@code n} pools within 5 s (a connection's close reaches its pool on its event loop). */
    private static boolean awaitPools(NettyClient client, int n) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (client.pools() > n) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return true;
    }
}
