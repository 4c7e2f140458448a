package io.asynccrawler.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.asynccrawler.netty.Transport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The server holds many connections at once while each waits on {@code /delay/1000}. The unit suite
 * opens 1,000 against an in-process server; {@code bench/serve-connections.sh} runs this same test
 * with {@code -Dserve.connections=10000} against a separate {@code crawler serve} process
 * ({@code -Dserve.url=...}), so client and server do not share one process's file descriptors.
 */
class ManyConnectionsTest {
    private static final int CONNECTIONS = Integer.getInteger("serve.connections", 1000);
    private static final String EXTERNAL = System.getProperty("serve.url");
    /** Generous: all requests wait 1 s in parallel; serial waiting would take CONNECTIONS seconds. */
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @Test
    void holdsEveryConnectionOpenAtOnce() throws Exception {
        if (EXTERNAL != null) {
            holds(URI.create(EXTERNAL));
        } else {
            try (TestServer server = TestServer.start("127.0.0.1", 0, null, Transport.auto())) {
                holds(server.baseUri());
                assertThat(server.connections().peak()).isGreaterThanOrEqualTo(CONNECTIONS);
            }
        }
    }

    private static void holds(URI base) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        HttpRequest delayed = HttpRequest.newBuilder(base.resolve("/delay/1000")).timeout(LIMIT).build();
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>(CONNECTIONS);
        for (int i = 0; i < CONNECTIONS; i++) {
            calls.add(client.sendAsync(delayed, HttpResponse.BodyHandlers.ofString()));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            assertThat(call.join().statusCode()).isEqualTo(200);
        }
        HttpResponse<String> stats = client.send(HttpRequest.newBuilder(base.resolve("/stats")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher peak = Pattern.compile("\"peak\": (\\d+)").matcher(stats.body());
        assertThat(peak.find()).isTrue();
        assertThat(Integer.parseInt(peak.group(1))).isGreaterThanOrEqualTo(CONNECTIONS);
        System.out.printf("%d connections to /delay/1000 answered in %.2f s (peak %s open)%n",
                CONNECTIONS, elapsed.toMillis() / 1000.0, peak.group(1));
    }
}
