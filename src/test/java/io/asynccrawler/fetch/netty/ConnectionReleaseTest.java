package io.asynccrawler.fetch.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asynccrawler.fetch.BodyReceiver;
import io.asynccrawler.fetch.FetchException;
import io.asynccrawler.fetch.FetchSettings;
import io.asynccrawler.fetch.InFlight;
import io.asynccrawler.fetch.Request;
import io.asynccrawler.fetch.ResponseHead;
import io.asynccrawler.server.TestServer;
import io.asynccrawler.transport.Transport;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A connection goes back to its pool as soon as its response has been read, not when the disk has
 * taken the body: the origin's next request uses it meanwhile, and what then happens to the body
 * (a slow disk, a failed write) is that exchange's alone.
 */
class ConnectionReleaseTest {
    private final FetchSettings settings = FetchSettings.builder("test").connectTimeout(Duration.ofSeconds(5))
            .readTimeout(Duration.ofSeconds(5)).retries(0).build();
    private TestServer server;
    private NettyClient client;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start("127.0.0.1", 0, null, Transport.auto());
        client = new NettyClient(ClientSettings.of(Transport.auto(), settings, ClientTls.onDemand(false), 2));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void theNextRequestUsesTheConnectionWhileTheDiskStillTakesTheLastBody() throws Exception {
        CountDownLatch ending = new CountDownLatch(1);
        CountDownLatch letEnd = new CountDownLatch(1);
        InFlight first = client.exchange(request("/bytes/1000?n=1"), new Receiver() {
            @Override
            public void onEnd() {
                ending.countDown();
                try {
                    letEnd.await(10, TimeUnit.SECONDS); // a disk that stalls on the close
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        try {
            assertThat(ending.await(10, TimeUnit.SECONDS)).isTrue();
            client.exchange(request("/bytes/1000?n=2"), new Receiver()).completion().get(10, TimeUnit.SECONDS);
            assertThat(first.completion()).as("the first exchange waits for its receiver").isNotDone();
        } finally {
            letEnd.countDown();
        }
        first.completion().get(10, TimeUnit.SECONDS);
        assertThat(server.connections().accepted()).as("one connection for both").isEqualTo(1);
    }

    @Test
    void aBodyThatFailsToSaveAfterTheResponseEndedLeavesTheConnectionInThePool() throws Exception {
        InFlight failing = client.exchange(request("/bytes/1000?n=1"), new Receiver() {
            @Override
            public void onEnd() throws IOException {
                throw new IOException("No space left on device");
            }
        });
        assertThatThrownBy(() -> failing.completion().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(FetchException.class)
                .hasMessageContaining("No space left on device");
        client.exchange(request("/bytes/1000?n=2"), new Receiver()).completion().get(10, TimeUnit.SECONDS);
        assertThat(server.connections().accepted()).as("the connection was reused").isEqualTo(1);
    }

    private Request request(String path) {
        return new Request(URI.create(server.baseUri().resolve(path).toString()), List.of());
    }

    /** Takes a response and keeps nothing. */
    private static class Receiver implements BodyReceiver {
        @Override
        public void onHead(ResponseHead head) {
        }

        @Override
        public boolean onBody(ByteBuffer bytes) {
            bytes.position(bytes.limit());
            return true;
        }

        @Override
        public void onEnd() throws IOException {
        }

        @Override
        public void onAbort() {
        }
    }
}
