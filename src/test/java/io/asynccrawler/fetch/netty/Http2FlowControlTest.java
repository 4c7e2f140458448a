package io.asynccrawler.fetch.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.asynccrawler.fetch.FetchSettings;
import io.asynccrawler.fetch.Http2Use;
import io.asynccrawler.fetch.InFlight;
import io.asynccrawler.fetch.Request;
import io.asynccrawler.testing.LocalServers;
import io.asynccrawler.testing.Processes;
import io.asynccrawler.testing.RecordingReceiver;
import io.asynccrawler.transport.Transport;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over HTTP/2 a slow disk holds one stream back, not the connection: the stream's window stops
 * opening, so the server stops sending that body instead of the client buffering it, while the
 * connection's other streams go on. Against nghttpd (h2c, prior knowledge), with a 64 MiB body
 * whose receiver stalls.
 */
class Http2FlowControlTest {
    private static final int BIG = 64 << 20;

    @TempDir
    Path tmp;

    @Test
    void aStalledBodyHoldsItsStreamNotTheConnectionNorMemory() throws Exception {
        Path www = Files.createDirectories(tmp.resolve("www"));
        byte[] big = new byte[BIG];
        new Random(1).nextBytes(big);
        Files.write(www.resolve("big.bin"), big);
        Files.writeString(www.resolve("small.txt"), "small\n");
        int port = LocalServers.freePort();
        Path log = tmp.resolve("nghttpd.log");
        Process server = new ProcessBuilder("/usr/sbin/nghttpd", "-d", www.toString(), "--no-tls", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        FetchSettings settings = FetchSettings.builder("test").http2(Http2Use.PRIOR_KNOWLEDGE).retries(0)
                .readTimeout(Duration.ofSeconds(30)).build();
        try (NettyClient client = new NettyClient(ClientSettings.of(Transport.auto(), settings, ClientTls.onDemand(false), 1))) {
            LocalServers.awaitListening("nghttpd", server, port, log);
            String base = "http://127.0.0.1:" + port + "/";
            long before = usedDirectMemory();
            RecordingReceiver stalled = new RecordingReceiver(true);
            InFlight bigOne = client.exchange(new Request(URI.create(base + "big.bin"), List.of()), stalled);
            assertThat(stalled.awaitInBody()).isTrue();
            // Round trips on the same connection while the big body waits: each lets the server send
            // what it may, so had the window kept opening, the 64 MiB would be in memory by now.
            for (int i = 0; i < 20; i++) {
                RecordingReceiver small = new RecordingReceiver();
                client.exchange(new Request(URI.create(base + "small.txt?i=" + i), List.of()), small).completion().get(10, TimeUnit.SECONDS);
                assertThat(small.calls()).containsExactly("head 200", "body>", "body< 6", "end");
            }
            assertThat(client.pools()).as("one connection").isEqualTo(1);
            long held = usedDirectMemory() - before;
            assertThat(held).as("bytes held for the stalled body").isLessThan(BIG / 4);
            assertThat(bigOne.completion()).isNotDone();
            stalled.letBodyGo();
            bigOne.completion().get(30, TimeUnit.SECONDS);
            long bytes = stalled.calls().stream().filter(c -> c.startsWith("body< ")).mapToLong(c -> Long.parseLong(c.substring(6))).sum();
            assertThat(bytes).isEqualTo(BIG);
        } finally {
            Processes.stop(server);
        }
    }

    private static long usedDirectMemory() {
        return ((ByteBufAllocatorMetricProvider) ByteBufAllocator.DEFAULT).metric().usedDirectMemory();
    }
}
