package io.asynccrawler.cli;

import static io.asynccrawler.cli.FetchFailuresTest.assertOutcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.asynccrawler.server.ServerSettings;
import io.asynccrawler.server.TestServer;
import io.asynccrawler.testing.LocalServers;
import io.asynccrawler.testing.ProxyServer;
import io.asynccrawler.testing.ProxyServer.Kind;
import io.asynccrawler.testing.TestTls;
import io.asynccrawler.testing.Tree;
import io.asynccrawler.transport.Transport;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real proxies from Debian (tinyproxy, squid with Debian's access rules, microsocks), started on
 * loopback: http and https URLs go through them, their own logs show it, credentials go to them
 * alone, NO_PROXY hosts are reached directly, and a proxy that is down, asks for credentials or
 * refuses gives its own reason while the job goes on. CI installs the three (.ci/run); a machine
 * without one skips its tests, saying which.
 */
class ProxyTest extends FetchTestBase {
    static TestServer tls;

    @BeforeAll
    static void startTlsServer() throws Exception {
        tls = TestServer.start(new ServerSettings("127.0.0.1", 0, null, Transport.auto(), TestTls.server("good")));
    }

    @AfterAll
    static void stopTlsServer() {
        tls.close();
    }

    private static String https(String pathAndQuery) {
        return "https://127.0.0.1:" + tls.address().getPort() + pathAndQuery;
    }

    private ProxyServer start(Kind kind, String user, String password) throws Exception {
        assumeTrue(kind.installed(), kind.name().toLowerCase() + " is not installed (apt-get install " + kind.name().toLowerCase() + ")");
        LocalServers.readableByAll(tmp); // squid runs as the proxy user
        return ProxyServer.start(kind, Files.createDirectories(tmp.resolve(kind.name().toLowerCase())), user, password);
    }

    /** fetch with the test CA trusted, no retries, and {@code env} as the environment. */
    private Cli fetchWith(Map<String, String> env, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("-o", out().toString(), "--report", report().toString(),
                "--cacert", TestTls.caFile().toString(), "--retries", "0"));
        all.addAll(List.of(args));
        return Cli.runWith(env, "/nonexistent-home", fetchArgs(mode(), transport(), all.toArray(String[]::new)));
    }

    @Test
    void httpAndHttpsUrlsGoThroughAnHttpProxy() throws Exception {
        try (ProxyServer proxy = start(Kind.TINYPROXY, null, null)) {
            String plain = base + "/bytes/1000?seed=11";
            String secure = https("/bytes/1000?seed=12");
            Cli cli = fetchWith(Map.of(), "-x", proxy.url("http", null), plain, secure);

            assertThat(cli.exitCode).as(cli.err).isZero();
            assertThat(Tree.files(out())).hasSize(2);
            assertThat(proxy.log()).as("plain http in absolute form, not a tunnel").contains("GET " + plain + " HTTP/1.1")
                    .contains("CONNECT 127.0.0.1:" + tls.address().getPort());
        }
    }

    /** As a user runs it: http_proxy from the process's environment, and -v naming the proxy of each URL. */
    @Test
    void theProcessEnvironmentsProxyIsUsedAndMinusVSaysSo() throws Exception {
        try (ProxyServer proxy = start(Kind.TINYPROXY, null, null)) {
            String plain = base + "/bytes/10?seed=13";
            ProcessBuilder builder = new ProcessBuilder(CrawlerProcess.commandAsUsersRunIt(List.of(),
                    List.of("fetch", "-v", "--mode", mode(), "-o", out().toString(), plain)));
            builder.environment().put("http_proxy", proxy.url("http", null));
            Process p = builder.redirectErrorStream(true).redirectOutput(tmp.resolve("output.txt").toFile()).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = Files.readString(tmp.resolve("output.txt"));

            assertThat(p.exitValue()).as(output).isZero();
            assertThat(output).contains("ok 200 " + plain + " 10 bytes").contains(" through the proxy " + proxy.url("http", null));
            assertThat(proxy.log()).contains("GET " + plain);
        }
    }

    @Test
    void proxyCredentialsGoToTheProxyAloneAndWithoutThemItIsProxyAuth() throws Exception {
        try (ProxyServer proxy = start(Kind.TINYPROXY, "alice", "s3cret")) {
            String plain = base + "/headers";
            String secure = https("/headers");
            Cli refused = fetchWith(Map.of(), "-x", proxy.url("http", null), plain, secure);
            assertThat(refused.exitCode).isEqualTo(1);
            assertOutcome(results().get(plain), "failed", "proxy_auth", "407");
            assertOutcome(results().get(secure), "failed", "proxy_auth", "give them in the proxy URL: http://USER:PASSWORD@127.0.0.1");
            Cli wrong = fetchWith(Map.of(), "-x", proxy.url("http", "alice:wrong"), plain, secure);
            // tinyproxy answers refused credentials with a 401: to plain http that may be the server's own
            assertThat(wrong.err).contains(secure + ": the proxy http://alice:***@127.0.0.1").contains("refused the user name and password")
                    .doesNotContain("wrong");
            assertOutcome(results().get(secure), "failed", "proxy_auth", "http://alice:***@127.0.0.1");

            Cli cli = fetchWith(Map.of(), "-x", proxy.url("http", "alice:s3cret"), plain, secure + "?tunnel");
            assertThat(cli.exitCode).as(cli.err).isZero();
            for (String headers : Tree.files(out())) {
                assertThat(Files.readString(out().resolve(headers)).toLowerCase()).as("what the server saw").contains("\"host\"")
                        .doesNotContain("proxy-authorization").doesNotContain("s3cret");
            }
            assertThat(Files.readString(report())).doesNotContain("s3cret");
        }
    }

    @Test
    void squidWithDebiansRulesCarriesHttpAndRefusesATunnelToAPortOtherThan443() throws Exception {
        try (ProxyServer proxy = start(Kind.SQUID, null, null)) {
            String plain = base + "/bytes/2000?seed=21";
            String secure = https("/bytes/10");
            Cli cli = fetchWith(Map.of(), "-x", proxy.url("http", null), plain, secure);

            assertThat(cli.exitCode).as("the job goes on past the refused URL").isEqualTo(1);
            assertOutcome(results().get(plain), "ok", null, null);
            assertOutcome(results().get(secure), "failed", "proxy_refused",
                    "refused to connect to 127.0.0.1:" + tls.address().getPort() + ": 403");
            assertThat(proxy.log()).contains("GET " + base + "/bytes/2000?"); // squid leaves queries out of its log
        }
    }

    /** Port 443 is one squid's rules let a tunnel reach: an https server there (root may bind it) is fetched through squid. */
    @Test
    void squidTunnelsHttpsToPort443() throws Exception {
        TestServer on443;
        try {
            on443 = TestServer.start(new ServerSettings("127.0.0.1", 443, null, Transport.auto(), TestTls.server("good")));
        } catch (Exception cannotBind) { // not root, or 443 taken
            assumeTrue(false, "cannot listen on 127.0.0.1:443: " + cannotBind);
            return;
        }
        try (ProxyServer proxy = start(Kind.SQUID, null, null)) {
            String secure = "https://127.0.0.1/bytes/3000?seed=22&close=1"; // no kept-alive tunnel: squid logs it as it closes
            Cli cli = fetchWith(Map.of(), "-x", proxy.url("http", null), secure);

            assertThat(cli.exitCode).as(cli.err).isZero();
            assertOutcome(results().get(secure), "ok", null, null);
            // squid writes the line as the tunnel closes, a moment after the body ended: its log gives no other signal
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (!proxy.log().contains("CONNECT 127.0.0.1:443") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(proxy.log()).contains("CONNECT 127.0.0.1:443");
        } finally {
            on443.close();
        }
    }

    @Test
    void socks5AndSocks5hCarryBothSchemesWithTheirCredentials() throws Exception {
        try (ProxyServer proxy = start(Kind.MICROSOCKS, "bob", "pw")) {
            // refused first: the blocking modes' connections outlive a job run in this JVM, keyed without credentials
            for (String scheme : List.of("socks5", "socks5h")) {
                String plain = base + "/bytes/100?" + scheme;
                Cli wrong = fetchWith(Map.of(), "-x", proxy.url(scheme, "bob:nope"), plain);
                assertThat(wrong.exitCode).isEqualTo(1);
                assertOutcome(results().get(plain), "failed", "proxy_auth", "refused the user name and password");
            }
            for (String scheme : List.of("socks5", "socks5h")) {
                Cli cli = fetchWith(Map.of(), "-x", proxy.url(scheme, "bob:pw"), base + "/bytes/100?" + scheme,
                        https("/bytes/100?" + scheme));
                assertThat(cli.exitCode).as(scheme + ": " + cli.err).isZero();
            }
            assertThat(Tree.files(out())).hasSize(4);
            assertThat(proxy.log()).contains("connected to 127.0.0.1:" + tls.address().getPort())
                    .contains("connected to 127.0.0.1:" + server.address().getPort());
        }
    }

    @Test
    void theEnvironmentsProxiesApplyAndNoProxyHostsAreReachedDirectly() throws Exception {
        try (ProxyServer proxy = start(Kind.TINYPROXY, null, null)) {
            String via = base + "/bytes/10?seed=31";
            String direct = "http://localhost:" + server.address().getPort() + "/bytes/10?seed=32";
            String secure = https("/bytes/10?seed=33");
            Map<String, String> env = Map.of("http_proxy", proxy.url("http", null), "HTTPS_PROXY", proxy.url("http", null),
                    "no_proxy", "localhost");
            Cli cli = fetchWith(env, via, direct, secure);

            assertThat(cli.exitCode).as(cli.err).isZero();
            assertThat(proxy.log()).contains("seed=31").contains("CONNECT 127.0.0.1:" + tls.address().getPort())
                    .doesNotContain("seed=32");
            Cli off = fetchWith(env, "--overwrite", "--proxy", "", via);
            assertThat(off.exitCode).as("--proxy '' turns the environment's off").isZero();
            assertThat(proxy.log().split("seed=31", -1)).hasSize(2);
        }
    }

    /** compare runs every mode through the proxy; its warm-up, against its own loopback server, never goes there. */
    @Test
    void compareRunsEveryModeThroughTheProxyButNotItsWarmUp() throws Exception {
        try (ProxyServer proxy = start(Kind.TINYPROXY, null, null)) {
            String plain = base + "/bytes/100?seed=41";
            String secure = https("/bytes/100?seed=42");
            Cli cli = Cli.run("compare", "-o", out().toString(), "--cacert", TestTls.caFile().toString(), "--modes", "sync,async",
                    "--warm-up", "5", "-x", proxy.url("http", null), plain, secure);

            assertThat(cli.exitCode).as(cli.err).isZero();
            assertThat(cli.err).contains("async: warmed up on 5 of 5");
            String log = proxy.log();
            assertThat(log.split("seed=41", -1)).as(log).hasSize(3); // once per mode
            assertThat(log.split("CONNECT 127.0.0.1:" + tls.address().getPort(), -1)).as(log).hasSize(3);
            assertThat(log).doesNotContain("warm-up");
        }
    }

    @Test
    void aProxyThatIsDownIsProxyConnectAndTheJobGoesOn() throws Exception {
        String down = "http://127.0.0.1:" + LocalServers.freePort();
        String viaProxy = base + "/bytes/10?seed=1";
        String secure = https("/bytes/10?seed=2");
        String direct = "http://localhost:" + server.address().getPort() + "/bytes/10?seed=3";
        Cli cli = fetchWith(Map.of(), "-x", down, "--noproxy", "localhost", viaProxy, secure, direct);

        assertThat(cli.exitCode).isEqualTo(1);
        Map<String, JsonNode> r = results();
        assertOutcome(r.get(viaProxy), "failed", "proxy_connect", "cannot reach the proxy " + down + ": connection refused");
        assertOutcome(r.get(secure), "failed", "proxy_connect", "cannot reach the proxy " + down + ": connection refused");
        assertOutcome(r.get(direct), "ok", null, null);
        assertThat(cli.err).contains(viaProxy + ": cannot reach the proxy " + down);
    }

    @Test
    void aBadProxyUrlIsOneLineNamingWhereItCameFrom() throws Exception {
        Cli option = fetchWith(Map.of(), "-x", "socks4://h:1", base + "/bytes/1");
        assertThat(option.exitCode).isEqualTo(2);
        assertThat(option.err).startsWith("fetch: --proxy: SOCKS4 is not supported").doesNotContain("Exception");
        Cli env = fetchWith(Map.of("https_proxy", "ftp://u:secret@h"), base + "/bytes/1");
        assertThat(env.exitCode).isEqualTo(2);
        assertThat(env.err).contains("https_proxy: unknown proxy scheme ftp://").contains("u:***@h").doesNotContain("secret");
    }
}
