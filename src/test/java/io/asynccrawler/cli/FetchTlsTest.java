package io.asynccrawler.cli;

import static io.asynccrawler.cli.FetchFailuresTest.assertOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.asynccrawler.server.ServerSettings;
import io.asynccrawler.server.TestServer;
import io.asynccrawler.testing.CloseDelimitedTlsServer;
import io.asynccrawler.testing.ScriptedServer;
import io.asynccrawler.testing.TestTls;
import io.asynccrawler.testing.Tree;
import io.asynccrawler.transport.Transport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Certificates are checked (chain, expiry, host name) unless --insecure, and nothing else switches that off. */
class FetchTlsTest extends FetchTestBase {
    static final Map<String, TestServer> tls = new HashMap<>();

    @BeforeAll
    static void startTlsServers() throws Exception {
        for (String name : new String[] {"good", "wrong-host", "expired", "self-signed"}) {
            tls.put(name, TestServer.start(new ServerSettings("127.0.0.1", 0, null, Transport.auto(), TestTls.server(name))));
        }
    }

    @AfterAll
    static void stopTlsServers() {
        tls.values().forEach(TestServer::close);
    }

    static String url(String server, String path) {
        return tls.get(server).baseUri().resolve(path).toString();
    }

    Cli fetchTrusting(String... args) throws Exception {
        String[] all = new String[args.length + 2];
        all[0] = "--cacert";
        all[1] = TestTls.caFile().toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return fetch(all);
    }

    @Test
    void aTrustedCertificateForTheHostIsAccepted() throws Exception {
        String byIp = url("good", "/bytes/1000?seed=1");
        String byName = "https://localhost:" + tls.get("good").address().getPort() + "/bytes/1000?seed=2";
        Cli cli = fetchTrusting("--retries", "0", byIp, byName);
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(Tree.files(out())).hasSize(2);
    }

    @Test
    void badCertificatesAreRefused() throws Exception {
        String wrongHost = url("wrong-host", "/bytes/10");
        String expired = url("expired", "/bytes/10");
        String selfSigned = url("self-signed", "/bytes/10");
        Cli cli = fetchTrusting("--retries", "0", wrongHost, expired, selfSigned);
        assertThat(cli.exitCode).isEqualTo(1);
        var r = results();
        assertOutcome(r.get(wrongHost), "failed", "tls", "TLS");
        assertOutcome(r.get(expired), "failed", "tls", "TLS");
        assertOutcome(r.get(selfSigned), "failed", "tls", "TLS");
        assertThat(r.get(wrongHost).get("error").asText()).contains("host name mismatch");
        assertThat(r.get(expired).get("error").asText()).contains("certificate expired");
        assertThat(cli.err).as("words a person can act on, no class names").doesNotContainPattern("(sun|java|javax)\\.security");
        assertThat(Tree.files(out())).isEmpty();
    }

    @Test
    void anUnknownCaIsRefusedWithoutCacert() throws Exception {
        String good = url("good", "/bytes/10");
        Cli cli = fetch("--retries", "0", good);
        assertOutcome(results().get(good), "failed", "tls",
                "TLS: certificate not trusted: use --cacert FILE to trust your CA, or -k to accept any certificate");
        assertThat(cli.err).doesNotContainPattern("(sun|java|javax)\\.security");
    }

    @Test
    void insecureAcceptsAnyCertificate() throws Exception {
        Cli cli = fetch("--insecure", "--retries", "0", url("wrong-host", "/bytes/10"), url("expired", "/bytes/11"),
                url("self-signed", "/bytes/12"));
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(Tree.files(out())).hasSize(3);
    }

    @Test
    void aSystemPropertyCannotSwitchOffHostNameChecks() throws Exception {
        String key = "io.netty.handler.ssl.defaultEndpointVerificationAlgorithm";
        System.setProperty(key, "NONE");
        try {
            String wrongHost = url("wrong-host", "/bytes/10");
            fetchTrusting("--retries", "0", wrongHost);
            assertOutcome(results().get(wrongHost), "failed", "tls", "host name mismatch");
        } finally {
            System.clearProperty(key);
        }
    }

    @Test
    void aDowngradeToHttpIsRefusedUnlessAllowedOnItsOwn() throws Exception {
        String downgrade = url("good", "/redirect-to?url=" + URLEncoder.encode(base + "/headers", StandardCharsets.UTF_8));
        fetchTrusting("-H", "Authorization: Bearer s3cret", downgrade);
        assertOutcome(results().get(downgrade), "failed", "insecure_redirect", "--allow-downgrade follows it");
        fetch("--insecure", "--retries", "0", downgrade);
        assertOutcome(results().get(downgrade), "failed", "insecure_redirect", "https to http");

        Cli cli = fetchTrusting("--allow-downgrade", "-H", "Authorization: Bearer s3cret", list(downgrade + " seen.json").toString());
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(Files.readString(out().resolve("seen.json"))).doesNotContain("s3cret");
    }

    @Test
    void aBodyEndedByTheConnectionsCloseIsWholeOnlyAfterCloseNotify() throws Exception {
        try (CloseDelimitedTlsServer server = new CloseDelimitedTlsServer()) {
            String clean = server.url("/clean");
            String cut = server.url("/cut");
            Cli cli = fetchTrusting("--retries", "0", list(clean + " clean.txt", cut + " cut.txt").toString());
            assertThat(cli.exitCode).as(cli.err).isEqualTo(1);
            var r = results();
            assertOutcome(r.get(clean), "ok", null, null);
            assertOutcome(r.get(cut), "failed", "truncated", "close_notify");
            assertThat(Tree.files(out())).containsExactly("clean.txt");
            assertThat(Files.readAllBytes(out().resolve("clean.txt"))).isEqualTo(CloseDelimitedTlsServer.BODY);
        }
    }

    /**
     * --connect-timeout covers the TLS handshake on the event loop, as in curl: a server that takes
     * the connection and never answers its hello times out connecting (and is retried as such).
     * HttpURLConnection sets its read timeout on the socket before the handshake, so the blocking
     * modes wait --read-timeout there (README).
     */
    @Test
    void aServerSilentInTheHandshakeTimesOutConnectingOnTheEventLoop() throws Exception {
        try (ScriptedServer silent = new ScriptedServer()) { // waits for an HTTP request head: never sees one
            String url = silent.base().replace("http://", "https://") + "/x";
            Cli cli = fetchTrusting("--retries", "0", "--connect-timeout", "1s", "--read-timeout", "2s", url);
            assertThat(cli.exitCode).as(cli.err).isEqualTo(1);
            if (mode().equals("async")) {
                assertOutcome(results().get(url), "failed", "connect_timeout", "timed out connecting after 1s (TLS handshake)");
            } else {
                assertOutcome(results().get(url), "failed", "read_timeout", "no data for 2s");
            }
        }
    }

    @Test
    void aCacertThatCannotBeUsedIsAUsageErrorNamingIt() throws Exception {
        String url = url("good", "/bytes/10");
        Path missing = tmp.resolve("missing.pem");
        Cli none = fetch("--cacert", missing.toString(), url);
        assertThat(none.exitCode).isEqualTo(2);
        assertThat(none.err).contains("cannot read --cacert " + missing + ": no such file").doesNotContain("\tat ");

        Path garbage = Files.writeString(tmp.resolve("garbage.pem"), "not a certificate\n");
        for (String command : new String[] {"fetch", "compare"}) {
            Cli bad = Cli.run(command, "-o", out().toString(), "--cacert", garbage.toString(),
                    command.equals("fetch") ? "--mode" : "--modes", mode(), url);
            assertThat(bad.exitCode).as(bad.err).isEqualTo(2);
            assertThat(bad.err).as(command).contains(command + ": cannot set up TLS with --cacert " + garbage + ": ")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void aServerThatDoesNotSpeakTlsIsATlsFailure() throws Exception {
        // Twenty at once: which the client sees first varies (the server's close, its bytes, the
        // request's write failing), and each way must end as a TLS failure.
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            urls.add(base.replace("http://", "https://") + "/bytes/10?i=" + i);
        }
        List<String> args = new ArrayList<>(List.of("--retries", "0", "--read-timeout", "2s", "-c", "20"));
        args.addAll(urls);
        fetch(args.toArray(String[]::new));
        Map<String, JsonNode> results = results();
        for (String url : urls) {
            assertOutcome(results.get(url), "failed", "tls", "TLS");
        }
    }
}
