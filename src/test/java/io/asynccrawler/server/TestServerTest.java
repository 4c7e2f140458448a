package io.asynccrawler.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asynccrawler.testing.RawHttp;
import io.asynccrawler.transport.Transport;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestServerTest {
    @TempDir
    static Path files;
    static TestServer server;
    static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(files.resolve("hello.txt"), "hello, files\n");
        Files.createDirectories(files.resolve("sub"));
        Files.write(files.resolve("sub/data.bin"), new byte[] {1, 2, 3});
        server = TestServer.start("127.0.0.1", 0, files, Transport.auto());
        client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<byte[]> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(server.baseUri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static byte[] expected(long seed, long offset, int n) {
        ByteBuf buf = Unpooled.buffer(n);
        try {
            DeterministicBytes.write(buf, seed, offset, n);
            byte[] out = new byte[n];
            buf.readBytes(out);
            return out;
        } finally {
            buf.release();
        }
    }

    @Test
    void bytesAreExactAndTheSameOnEveryRequest() throws Exception {
        HttpResponse<byte[]> first = get("/bytes/1000");
        HttpResponse<byte[]> second = get("/bytes/1000");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("content-length")).hasValue("1000");
        assertThat(first.body()).hasSize(1000).isEqualTo(second.body()).isEqualTo(expected(0, 0, 1000));
        assertThat(get("/bytes/1000?seed=7").body()).isNotEqualTo(first.body()).isEqualTo(expected(7, 0, 1000));
    }

    @Test
    void deterministicBytesDoNotDependOnHowTheyAreCut() {
        byte[] whole = expected(3, 0, 100);
        for (int from = 0; from < 20; from++) {
            byte[] part = expected(3, from, 50);
            for (int i = 0; i < 50; i++) {
                assertThat(part[i]).isEqualTo(whole[from + i]);
            }
        }
    }

    @Test
    void largeBodiesStreamInFull() throws Exception {
        int n = 5 * 1024 * 1024 + 3;
        assertThat(get("/bytes/" + n + "?seed=9").body()).isEqualTo(expected(9, 0, n));
    }

    @Test
    void chunkedBytesUseChunkedFraming() throws Exception {
        try (RawHttp raw = new RawHttp(server.address(), 5_000)) {
            byte[] response = raw.get("/bytes/70000?chunked=1", "Connection: close\r\n").readToEnd();
            assertThat(RawHttp.head(response)).containsIgnoringCase("transfer-encoding: chunked")
                    .doesNotContainIgnoringCase("content-length");
        }
        assertThat(get("/bytes/70000?chunked=1").body()).isEqualTo(expected(0, 0, 70000));
    }

    @Test
    void gzipBytesDecodeToTheSameBytes() throws Exception {
        HttpResponse<byte[]> response = get("/bytes/1000?gzip=1");
        assertThat(response.headers().firstValue("content-encoding")).hasValue("gzip");
        assertThat(gunzip(response.body())).isEqualTo(get("/bytes/1000").body());
        int big = 300_000;
        assertThat(gunzip(get("/bytes/" + big + "?gzip=1&seed=2").body())).isEqualTo(expected(2, 0, big));
        assertThat(gunzip(get("/bytes/0?gzip=1").body())).isEmpty();
    }

    private static byte[] gunzip(byte[] gz) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    @Test
    void rangeRequestsGetPartialContent() throws Exception {
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(server.baseUri().resolve("/bytes/1000"))
                .header("Range", "bytes=100-").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.headers().firstValue("content-range")).hasValue("bytes 100-999/1000");
        assertThat(response.body()).isEqualTo(expected(0, 100, 900));
        HttpResponse<byte[]> beyond = client.send(HttpRequest.newBuilder(server.baseUri().resolve("/bytes/1000"))
                .header("Range", "bytes=1000-").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(beyond.statusCode()).isEqualTo(416);
    }

    @Test
    void headSendsTheLengthWithoutTheBody() throws Exception {
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(server.baseUri().resolve("/bytes/4096"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.headers().firstValue("content-length")).hasValue("4096");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void statusAnswersWithTheCodeAsked() throws Exception {
        assertThat(get("/status/503").statusCode()).isEqualTo(503);
        assertThat(get("/status/404").statusCode()).isEqualTo(404);
        HttpResponse<byte[]> noContent = get("/status/204");
        assertThat(noContent.statusCode()).isEqualTo(204);
        assertThat(noContent.body()).isEmpty();
        assertThat(get("/status/99").statusCode()).isEqualTo(400);
    }

    @Test
    void redirectTakesTheNumberOfHopsAsked() throws Exception {
        String path = "/redirect/3";
        int hops = 0;
        HttpResponse<byte[]> response = get(path);
        while (response.statusCode() == 302) {
            hops++;
            path = response.headers().firstValue("location").orElseThrow();
            response = get(path);
        }
        assertThat(hops).isEqualTo(3);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(get("/redirect/2?absolute=1").headers().firstValue("location"))
                .hasValueSatisfying(l -> assertThat(URI.create(l).isAbsolute()).isTrue());
    }

    @Test
    void redirectToSendsTheLocationGiven() throws Exception {
        HttpResponse<byte[]> response = get("/redirect-to?url=http%3A%2F%2Fexample.invalid%2Fx&status=307");
        assertThat(response.statusCode()).isEqualTo(307);
        assertThat(response.headers().firstValue("location")).hasValue("http://example.invalid/x");
        assertThat(get("/redirect-to").statusCode()).isEqualTo(400);
    }

    @Test
    void delayAnswersJsonAfterTheDelay() throws Exception {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = get("/delay/300");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(elapsedMs).isGreaterThanOrEqualTo(300);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"delay_ms\": 300");
    }

    @Test
    void aioSleepsTheWholeSecondsItReports() throws Exception {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = get("/aio?min=1&max=2");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        Matcher m = Pattern.compile("\\{\"delay\": (\\d+)}").matcher(new String(response.body(), StandardCharsets.UTF_8));
        assertThat(m.find()).isTrue();
        int delay = Integer.parseInt(m.group(1));
        assertThat(delay).isBetween(1, 2);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(delay * 1000L);
    }

    @Test
    void dripSendsOneByteAtATime() throws Exception {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = get("/drip?bytes=5&ms=50");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(response.body()).hasSize(5);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(5 * 50);
    }

    @Test
    void truncateEndsShortOfItsContentLength() throws Exception {
        try (RawHttp raw = new RawHttp(server.address(), 5_000)) {
            byte[] response = raw.get("/fault/truncate?n=1000", "").readToEnd();
            assertThat(RawHttp.head(response)).containsIgnoringCase("content-length: 1000");
            assertThat(RawHttp.body(response)).hasSize(500);
        }
    }

    @Test
    void resetAbortsTheConnection() throws Exception {
        try (RawHttp raw = new RawHttp(server.address(), 5_000)) {
            raw.get("/fault/reset", "");
            assertThatThrownBy(raw::readToEnd).isInstanceOf(SocketException.class).hasMessageContaining("reset");
        }
    }

    @Test
    void hangNeverAnswers() throws Exception {
        try (RawHttp raw = new RawHttp(server.address(), 300)) {
            raw.get("/fault/hang", "");
            assertThatThrownBy(() -> raw.read(1)).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void filesAreServedButNothingOutsideTheirDirectory() throws Exception {
        assertThat(new String(get("/files/hello.txt").body(), StandardCharsets.UTF_8)).isEqualTo("hello, files\n");
        assertThat(get("/files/sub/data.bin").body()).containsExactly(1, 2, 3);
        assertThat(new String(get("/files/").body(), StandardCharsets.UTF_8)).contains("hello.txt", "sub/");
        try (RawHttp raw = new RawHttp(server.address(), 5_000)) {
            byte[] response = raw.get("/files/../../../etc/passwd", "Connection: close\r\n").readToEnd();
            assertThat(RawHttp.head(response)).startsWith("HTTP/1.1 404");
        }
        try (RawHttp raw = new RawHttp(server.address(), 5_000)) {
            byte[] response = raw.get("/files/%2e%2e/%2e%2e/etc/passwd", "Connection: close\r\n").readToEnd();
            assertThat(RawHttp.head(response)).startsWith("HTTP/1.1 404");
        }
    }

    @Test
    void unknownPathsAndBadNumbersAreClientErrors() throws Exception {
        assertThat(get("/nope").statusCode()).isEqualTo(404);
        assertThat(get("/bytes/abc").statusCode()).isEqualTo(400);
        assertThat(get("/delay/-1").statusCode()).isEqualTo(400);
        assertThat(get("/aio?min=3&max=1").statusCode()).isEqualTo(400);
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderOnOneConnection() throws Exception {
        try (RawHttp raw = new RawHttp(server.address(), 5_000)) {
            raw.send("GET /delay/200 HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /bytes/3 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            String both = new String(raw.readToEnd(), StandardCharsets.ISO_8859_1);
            assertThat(both.indexOf("delay_ms")).isPositive().isLessThan(both.lastIndexOf("HTTP/1.1 200"));
        }
    }

    @Test
    void statsCountOpenConnections() throws Exception {
        String stats = new String(get("/stats").body(), StandardCharsets.UTF_8);
        assertThat(stats).matches("(?s)\\{\"open\": \\d+, \"peak\": \\d+, \"accepted\": \\d+}\\s*");
        assertThat(server.connections().peak()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void bindsAFreePortOnLoopback() {
        assertThat(server.address().getPort()).isPositive();
        assertThat(server.baseUri().toString()).startsWith("http://127.0.0.1:");
    }

    @Test
    void slowReadersDoNotStallTheServer() throws Exception {
        try (RawHttp slow = new RawHttp(server.address(), 5_000)) {
            slow.get("/bytes/50000000", "");
            assertThat(slow.read(10)).hasSize(10); // the rest stays unread in the socket buffers
            long start = System.nanoTime();
            assertThat(get("/bytes/10").body()).hasSize(10);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }
}
