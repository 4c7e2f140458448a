package io.asynccrawler.cli;

import static io.asynccrawler.cli.FetchFailuresTest.assertOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.asynccrawler.server.DeterministicBytes;
import io.asynccrawler.server.TestServer;
import io.asynccrawler.testing.ScriptedServer;
import io.asynccrawler.testing.Tree;
import io.asynccrawler.transport.Transport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** HTTP/1.1 framing and limits: every way a body can end, every redirect status, every transport here. */
class FetchProtocolTest extends FetchTestBase {
    @Test
    void aBodyEndedByClosingTheConnectionIsComplete() throws Exception {
        Cli cli = fetch(list(base + "/bytes/100000?close=1&seed=3 closed.bin", base + "/bytes/10?seed=4 after.bin").toString());
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(Files.readAllBytes(out().resolve("closed.bin"))).isEqualTo(DeterministicBytes.bytes(3, 0, 100000));
        assertThat(Files.readAllBytes(out().resolve("after.bin"))).isEqualTo(DeterministicBytes.bytes(4, 0, 10));
    }

    /**
     * A server that maps the .gz suffix to a Content-Encoding (Apache's AddEncoding) sends a
     * .tar.gz as "Content-Encoding: x-gzip": the file is the gzip, kept as sent, as browsers and
     * wget keep it. A gzip Content-Type says the same. Any other gzip-encoded body is decoded.
     */
    @Test
    void aGzipFileSentWithAGzipEncodingIsSavedAsSent() throws Exception {
        byte[] tar = "a tar archive, say".repeat(50).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(tar);
        }
        byte[] gzip = gz.toByteArray();
        try (ScriptedServer server = new ScriptedServer()) {
            server.on("/a.tar.gz", reply("application/x-tar", "x-gzip", gzip))
                    .on("/get", reply("application/gzip; charset=binary", "gzip", gzip))
                    .on("/page.html", reply("text/html", "gzip", gzip));
            String b = server.base();
            Cli cli = fetch(list(b + "/a.tar.gz a.tar.gz", b + "/get?id=7 by-type", b + "/page.html page.html").toString());
            assertThat(cli.exitCode).as(cli.err).isZero();
            assertThat(Files.readAllBytes(out().resolve("a.tar.gz"))).isEqualTo(gzip);
            assertThat(Files.readAllBytes(out().resolve("by-type"))).isEqualTo(gzip);
            assertThat(Files.readAllBytes(out().resolve("page.html"))).isEqualTo(tar);
        }
    }

    private static ScriptedServer.Script reply(String type, String encoding, byte[] body) {
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nContent-Encoding: " + encoding
                + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return ScriptedServer.Script.reply(all);
    }

    @Test
    void maxSizeStopsALargeBodyBeforeAndWhileItArrives() throws Exception {
        String announced = base + "/bytes/100000?seed=1";
        String chunked = base + "/bytes/100000?chunked=1";
        String gzip = base + "/bytes/100000?gzip=1";
        String small = base + "/bytes/1000?seed=2";
        Cli cli = fetch("--max-size", "50k", list(announced, chunked, gzip, small).toString());
        assertThat(cli.exitCode).isEqualTo(1);
        var r = results();
        assertOutcome(r.get(announced), "failed", "too_large", "larger than --max-size 51200 bytes");
        assertOutcome(r.get(chunked), "failed", "too_large", "--max-size");
        assertOutcome(r.get(gzip), "failed", "too_large", "--max-size");
        assertOutcome(r.get(small), "ok", null, null);
        assertThat(Tree.files(out())).containsExactly(FetchCommandTest.hostDir() + "/bytes/1000@seed=2");
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void followsEveryRedirectStatus(int status) throws Exception {
        String url = base + "/redirect-to?url=%2Fbytes%2F5%3Fseed%3D9&status=" + status;
        Cli cli = fetch(list(url + " r.bin").toString());
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(Files.readAllBytes(out().resolve("r.bin"))).isEqualTo(DeterministicBytes.bytes(9, 0, 5));
    }

    @Test
    void nonAsciiInAUrlOrALocationGoesOutAsUtf8Escapes() throws Exception {
        // A request target is ASCII (RFC 9112): the server must decode what the list says, on both transports.
        String direct = base + "/anything/ü?x=ä";
        String redirected = base + "/redirect-to?url=%2Fanything%2F%E2%82%AC"; // Location: /anything/€ as raw UTF-8 bytes
        Cli cli = fetch(list(direct + " direct.json", redirected + " redirected.json").toString());
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(Files.readString(out().resolve("direct.json"))).contains("\"path\": \"/anything/ü\"");
        assertThat(Files.readString(out().resolve("redirected.json"))).contains("\"path\": \"/anything/€\"");
        assertThat(results().get(redirected).get("finalUrl").asText()).isEqualTo(base + "/anything/%E2%82%AC");
    }

    @Test
    void aHostInAnyIpv4FormReachesTheAddressBrowsersAndCurlReach() throws Exception {
        String port = base.substring(base.lastIndexOf(':') + 1);
        String shortForm = "http://127.1:" + port + "/bytes/5?seed=1";
        String octal = "http://0177.0.0.1:" + port + "/bytes/6?seed=2"; // the JDK's resolver reads 177.0.0.1
        String redirected = base + "/redirect-to?url=http%3A%2F%2F0x7f000001%3A" + port + "%2Fbytes%2F7%3Fseed%3D3";
        String bad = "http://256.0.0.1:" + port + "/";
        Cli cli = fetch("--retries", "0", "--connect-timeout", "2s", list(shortForm, octal, redirected + " r.bin", bad).toString());
        assertThat(cli.exitCode).as(cli.err).isEqualTo(1);
        var r = results();
        assertOutcome(r.get(base + "/bytes/5?seed=1"), "ok", null, null);
        assertOutcome(r.get(base + "/bytes/6?seed=2"), "ok", null, null);
        assertOutcome(r.get(redirected), "ok", null, null);
        assertThat(r.get(redirected).get("finalUrl").asText()).isEqualTo(base + "/bytes/7?seed=3");
        assertOutcome(r.get(bad), "failed", "bad_input", "not a valid host name");
        String host = FetchCommandTest.hostDir();
        assertThat(Tree.files(out())).containsExactlyInAnyOrder(host + "/bytes/5@seed=1", host + "/bytes/6@seed=2", "r.bin");
        assertThat(Files.readAllBytes(out().resolve("r.bin"))).isEqualTo(DeterministicBytes.bytes(3, 0, 7));
    }

    @Test
    void aKeptAliveConnectionTheServerDroppedIsReplacedNotFailed() throws Exception {
        // The server closes the connection when the second request arrives on it (an idle timeout
        // firing just then): the client must use a new connection, not fail or spend a retry.
        Cli cli = fetch("-c", "1", "--retries", "0",
                list(base + "/bytes/10?seed=1&drop_next=1 a.bin", base + "/bytes/20?seed=2 b.bin").toString());
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(Files.readAllBytes(out().resolve("b.bin"))).isEqualTo(DeterministicBytes.bytes(2, 0, 20));
        assertThat(results().get(base + "/bytes/20?seed=2").get("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void ipv4AndIpv6LiteralsZonesAndHostNamesAllConnect() throws Exception {
        TestServer v6;
        try {
            v6 = TestServer.start("::1", 0, null, Transport.auto());
        } catch (Exception e) {
            Assumptions.abort("no IPv6 loopback here: " + e);
            return;
        }
        try {
            String port6 = v6.baseUri().toString().replaceAll(".*:(\\d+)/$", "$1");
            String byName = base.replace("127.0.0.1", "localhost");
            // With a zone, as RFC 6874 writes it: connects on that interface, and names no zone in Host (as curl).
            Cli cli = fetch(list(base + "/bytes/10?seed=1 v4.bin", "http://[::1]:" + port6 + "/bytes/20?seed=2 v6.bin",
                    byName + "/bytes/30?seed=3 name.bin", "http://[::1%25lo]:" + port6 + "/headers zone.json").toString());
            assertThat(cli.exitCode).as(cli.err).isZero();
            assertThat(Files.readAllBytes(out().resolve("v4.bin"))).isEqualTo(DeterministicBytes.bytes(1, 0, 10));
            assertThat(Files.readAllBytes(out().resolve("v6.bin"))).isEqualTo(DeterministicBytes.bytes(2, 0, 20));
            assertThat(Files.readAllBytes(out().resolve("name.bin"))).isEqualTo(DeterministicBytes.bytes(3, 0, 30));
            assertThat(Files.readString(out().resolve("zone.json"))).contains("\"host\": [\"[::1]:" + port6 + "\"]");
        } finally {
            v6.close();
        }
    }

    @Test
    void compressionCanBeTurnedOff() throws Exception {
        Cli cli = fetch("--no-compressed", list(base + "/headers h.json").toString());
        assertThat(cli.exitCode).isZero();
        assertThat(Files.readString(out().resolve("h.json"))).doesNotContain("accept-encoding");
        fetch("--overwrite", list(base + "/headers h.json").toString());
        assertThat(Files.readString(out().resolve("h.json"))).contains("\"accept-encoding\": [\"gzip, deflate, br, zstd\"]");
    }

    static Stream<String> availableTransports() {
        return Arrays.stream(Transport.values()).filter(Transport::isAvailable).map(t -> t.toString());
    }

    @ParameterizedTest
    @MethodSource("availableTransports")
    void everyAvailableTransportFetchesTheSame(String transport) throws Exception {
        Cli cli = fetch("--transport", transport, list(base + "/bytes/70000?seed=8 t.bin", base + "/bytes/3000?gzip=1&seed=8 g.bin").toString());
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(Files.readAllBytes(out().resolve("t.bin"))).isEqualTo(DeterministicBytes.bytes(8, 0, 70000));
        assertThat(Files.readAllBytes(out().resolve("g.bin"))).isEqualTo(DeterministicBytes.bytes(8, 0, 3000));
    }

    @Test
    void badOptionValuesAreUsageErrorsNamingTheOption() {
        assertThat(Cli.run("fetch", "--timeout", "soon", "x").err).contains("not a duration: 'soon'");
        assertThat(Cli.run("fetch", "--max-size", "lots", "x").err).contains("not a size: 'lots'");
        assertThat(Cli.run("fetch", "-c", "0", "x").err).contains("--concurrency must be at least 1");
        assertThat(Cli.run("fetch", "-H", "no colon", "x").err).contains("not a header");
        assertThat(Cli.run("fetch", "-c", "0", "x").exitCode).isEqualTo(2);
        List<String> names = Arrays.stream(Transport.values()).map(t -> t.toString().toLowerCase(Locale.ROOT)).toList();
        assertThat(names).contains("epoll", "io_uring", "nio");
    }
}
