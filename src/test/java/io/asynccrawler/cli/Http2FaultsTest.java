package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.asynccrawler.server.DeterministicBytes;
import io.asynccrawler.server.ServerSettings;
import io.asynccrawler.server.TestServer;
import io.asynccrawler.testing.TestTls;
import io.asynccrawler.transport.Transport;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hostile server's faults over HTTP/2 (h2c by prior knowledge to {@code crawler serve}): each
 * fails its own URL, with its own reason and no file that looks complete, while the other streams
 * of the same connection end well; a GOAWAY mid-job sends the streams it did not process to a new
 * connection; a refused stream goes again unseen.
 */
class Http2FaultsTest extends FetchTestBase {
    private static final int SIZE = 20_000;

    @Test
    void eachFaultFailsItsOwnStreamOnly() throws Exception {
        List<String> urls = good(20);
        String reset = base + "/fault/reset";
        String cut = base + "/fault/truncate?n=100000";
        String shortData = base + "/fault/short?n=100000";
        String refused = base + "/h2/refuse/5?key=" + System.nanoTime();
        String stalled = base + "/bytes/1000000?stall_at=1000";
        urls.addAll(List.of(reset, cut, shortData, refused, stalled));
        long before = server.connections().accepted();
        Cli cli = fetch("--http2-prior-knowledge", "--retries", "0", "--read-timeout", "3s", "-c", "64", list(urls.toArray(String[]::new)).toString());
        assertThat(cli.exitCode).as(cli.err).isEqualTo(1);
        Map<String, JsonNode> results = results();
        assertGoodOnesSaved(results, urls.subList(0, 20));
        assertThat(reason(results, reset)).isEqualTo("stream_reset");
        assertThat(reason(results, cut)).isEqualTo("stream_reset");
        assertThat(reason(results, shortData)).isEqualTo("bad_response");
        assertThat(reason(results, refused)).isEqualTo("stream_reset");
        assertThat(results.get(refused).get("error").asText()).contains("REFUSED_STREAM");
        assertThat(reason(results, stalled)).isEqualTo("read_timeout");
        for (String failed : List.of(reset, cut, shortData, refused, stalled)) {
            assertThat(results.get(failed).get("file").isNull()).as(failed).isTrue();
        }
        try (var files = Files.walk(out())) {
            assertThat(files.filter(Files::isRegularFile).count()).as("the good files alone").isEqualTo(20);
        }
        assertThat(server.connections().accepted() - before).as("one connection for all").isEqualTo(1);
    }

    @Test
    void aGoAwayMidJobSendsTheStreamsItDidNotProcessToANewConnection() throws Exception {
        List<String> urls = good(30);
        urls.add(15, base + "/h2/goaway");
        urls.addAll(good(30).stream().map(u -> u + "&later=1").toList());
        long before = server.connections().accepted();
        Cli cli = fetch("--http2-prior-knowledge", "--retries", "0", "-c", "64", list(urls.toArray(String[]::new)).toString());
        assertThat(cli.exitCode).as(cli.err).isZero();
        Map<String, JsonNode> results = results();
        assertThat(results.values()).hasSize(61).allMatch(r -> r.get("outcome").asText().equals("ok") && r.get("attempts").asInt() == 1);
        assertThat(server.connections().accepted() - before).as("a second connection after the GOAWAY").isEqualTo(2);
    }

    @Test
    void aHeaderListPastTheCapFailsItsStreamAndA70KbHeaderIsTaken() throws Exception {
        // the cap is 300 KiB, as HTTP/1.1's head (curl's): Netty's decoder resets the stream up to
        // 1.25 times that, and ends the connection past it (a GOAWAY: the other streams go again)
        List<String> urls = good(10);
        String big = base + "/h2/header/" + 70_000;
        String over = base + "/h2/header/" + 340 * 1024;
        String farOver = base + "/h2/header/" + 500 * 1024;
        urls.addAll(List.of(big, over, farOver));
        Cli cli = fetch("--http2-prior-knowledge", "--retries", "0", "-c", "4", list(urls.toArray(String[]::new)).toString());
        assertThat(cli.exitCode).as(cli.err).isEqualTo(1);
        Map<String, JsonNode> results = results();
        assertGoodOnesSaved(results, urls.subList(0, 10));
        assertThat(results.get(big).get("outcome").asText()).isEqualTo("ok");
        assertThat(results.get(big).get("protocol").asText()).isEqualTo("h2");
        assertThat(reason(results, over)).isEqualTo("bad_response");
        assertThat(results.get(over).get("error").asText()).contains("(307200)");
        assertThat(reason(results, farOver)).isIn("bad_response", "closed");
        assertThat(results.get(over).get("file").isNull()).isTrue();
        assertThat(results.get(farOver).get("file").isNull()).isTrue();
    }

    @Test
    void aConnectionSilentForTheReadTimeoutIsLeftForANewOne() throws Exception {
        // one URL at a time: the silent connection's stream times out, its PING goes unanswered,
        // and the URLs after it must not time out on it too, each in turn, but go to a new
        // connection (the one that asked while the PING was out fails with the close, and is retried)
        String silence = base + "/h2/silence?key=" + System.nanoTime();
        List<String> urls = new ArrayList<>(List.of(silence));
        urls.addAll(good(5));
        long before = server.connections().accepted();
        Cli cli = fetch("--http2-prior-knowledge", "--retries", "1", "--read-timeout", "1s", "-c", "1",
                list(urls.toArray(String[]::new)).toString());
        Map<String, JsonNode> results = results();
        // its retry, after its backoff, is answered on the new connection, or fails on the dead one as it closes
        assertThat(results.get(silence).get("attempts").asInt()).isEqualTo(2);
        assertThat(cli.exitCode).as(cli.err).isEqualTo(results.get(silence).get("outcome").asText().equals("ok") ? 0 : 1);
        assertGoodOnesSaved(results, urls.subList(1, 6));
        assertThat(server.connections().accepted() - before).as("a second connection after the silent one").isEqualTo(2);

        // a slow stream alone on a live connection: the PING is answered, the connection kept
        String slow = base + "/delay/1500";
        List<String> after = new ArrayList<>(List.of(slow));
        after.addAll(good(3));
        long again = server.connections().accepted();
        Cli live = fetch("--http2-prior-knowledge", "--retries", "0", "--read-timeout", "1s", "-c", "1", "--overwrite",
                list(after.toArray(String[]::new)).toString());
        assertThat(live.exitCode).isEqualTo(1);
        assertThat(reason(results(), slow)).isEqualTo("read_timeout");
        assertGoodOnesSaved(results(), after.subList(1, 4));
        assertThat(server.connections().accepted() - again).as("one connection, kept").isEqualTo(1);
    }

    @Test
    void aStreamRefusedOnceGoesAgainUnseen() throws Exception {
        String url = base + "/h2/refuse/1?key=" + System.nanoTime();
        Cli cli = fetch("--http2-prior-knowledge", "--retries", "0", url);
        assertThat(cli.exitCode).as(cli.err).isZero();
        JsonNode r = results().get(url);
        assertThat(r.get("attempts").asInt()).as("not a retry of the URL").isEqualTo(1);
        assertThat(r.get("protocol").asText()).isEqualTo("h2");
        assertThat(Files.readString(out().resolve(r.get("file").asText()))).contains("\"attempt\": 2");
    }

    @Test
    void redirectsAndCredentialsWorkAsOverHttp11() throws Exception {
        String redirected = base + "/redirect/3";
        String guarded = base + "/basic-auth/ann/secret";
        Cli cli = fetch("--http2-prior-knowledge", "-u", "ann:secret", redirected, guarded);
        assertThat(cli.exitCode).as(cli.err).isZero();
        Map<String, JsonNode> results = results();
        assertThat(results.get(redirected).get("finalUrl").asText()).isNotEqualTo(redirected);
        assertThat(results.get(redirected).get("protocol").asText()).isEqualTo("h2");
        assertThat(results.get(guarded).get("status").asInt()).isEqualTo(200);
        Cli wrong = fetch("--http2-prior-knowledge", "--overwrite", "-u", "ann:wrong", guarded);
        assertThat(wrong.exitCode).isEqualTo(1);
        assertThat(results().get(guarded).get("reason").asText()).isEqualTo("auth_failed");
    }

    @Test
    void overTlsTheTestServerSpeaksWhatAlpnAgreed() throws Exception {
        try (TestServer tls = TestServer.start(new ServerSettings("127.0.0.1", 0, null, Transport.auto(), TestTls.serverH2("good")))) {
            String url = tls.baseUri() + "bytes/" + SIZE + "?seed=3";
            Cli h2 = fetch("--cacert", TestTls.caFile().toString(), url);
            assertThat(h2.exitCode).as(h2.err).isZero();
            assertThat(results().get(url).get("protocol").asText()).isEqualTo("h2");
            Cli http11 = fetch("--cacert", TestTls.caFile().toString(), "--http1.1", "--overwrite", url);
            assertThat(http11.exitCode).as(http11.err).isZero();
            JsonNode r = results().get(url);
            assertThat(r.get("protocol").asText()).isEqualTo("http/1.1");
            assertThat(Files.readAllBytes(out().resolve(r.get("file").asText()))).isEqualTo(DeterministicBytes.bytes(3, 0, SIZE));
        }
    }

    private List<String> good(int n) {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            urls.add(base + "/bytes/" + SIZE + "?seed=" + i);
        }
        return urls;
    }

    private void assertGoodOnesSaved(Map<String, JsonNode> results, List<String> urls) throws Exception {
        for (int i = 0; i < urls.size(); i++) {
            JsonNode r = results.get(urls.get(i));
            assertThat(r.get("outcome").asText()).as(r.toString()).isEqualTo("ok");
            assertThat(r.get("protocol").asText()).isEqualTo("h2");
            assertThat(Files.readAllBytes(out().resolve(r.get("file").asText()))).isEqualTo(DeterministicBytes.bytes(i, 0, SIZE));
        }
    }

    private static String reason(Map<String, JsonNode> results, String url) {
        return results.get(url).get("reason").asText();
    }
}
