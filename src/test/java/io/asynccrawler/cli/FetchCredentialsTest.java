package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** -H headers and URL credentials go only to the origin they were given for (RELIABILITY §6). */
class FetchCredentialsTest extends TwoOriginsTestBase {
    private String headersSeenAfter(String url, String path) throws Exception {
        Cli cli = fetch("-H", "Authorization: Bearer s3cret", "-H", "Cookie: session=abc", "-H", "X-Trace: 7",
                list(url + " " + path).toString());
        assertThat(cli.exitCode).as(cli.err).isZero();
        return Files.readString(out().resolve(path));
    }

    @Test
    void sameOriginRedirectKeepsTheHeaders() throws Exception {
        String seen = headersSeenAfter(base + "/redirect-to?url=%2Fheaders", "same.json");
        assertThat(seen).contains("\"authorization\": [\"Bearer s3cret\"]", "\"cookie\": [\"session=abc\"]", "\"x-trace\": [\"7\"]");
    }

    @Test
    void anotherPortIsAnotherOriginAndGetsNoHeaders() throws Exception {
        String target = other.baseUri().resolve("/headers").toString();
        String seen = headersSeenAfter(base + "/redirect-to?url=" + URLEncoder.encode(target, StandardCharsets.UTF_8), "other.json");
        assertThat(seen).doesNotContain("s3cret", "session=abc", "x-trace").contains("\"user-agent\"");
    }

    @Test
    void anotherHostNameIsAnotherOrigin() throws Exception {
        String target = "http://localhost:" + server.address().getPort() + "/headers";
        String seen = headersSeenAfter(base + "/redirect-to?url=" + URLEncoder.encode(target, StandardCharsets.UTF_8), "host.json");
        assertThat(seen).doesNotContain("s3cret", "session=abc");
    }

    @Test
    void userInfoBecomesBasicAuthForItsOriginOnlyAndIsRedactedInTheReport() throws Exception {
        String port = String.valueOf(server.address().getPort());
        String withCredentials = "http://alice:pw@127.0.0.1:" + port + "/headers";
        Cli cli = fetch(list(withCredentials + " mine.json",
                "http://alice:pw@127.0.0.1:" + port + "/redirect-to?url="
                        + URLEncoder.encode(other.baseUri().resolve("/headers").toString(), StandardCharsets.UTF_8) + " theirs.json").toString());
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(Files.readString(out().resolve("mine.json"))).contains("Basic YWxpY2U6cHc=");
        assertThat(Files.readString(out().resolve("theirs.json"))).doesNotContain("authorization");
        assertThat(Files.readString(report())).doesNotContain(":pw@").contains("alice:***@");
    }

    private String toOther(String path) {
        return base + "/redirect-to?url=" + URLEncoder.encode(other.baseUri().resolve(path).toString(), StandardCharsets.UTF_8);
    }

    @Test
    void minusUGoesToTheOriginOfEachUrlGivenNeverAfterARedirectElsewhere() throws Exception {
        String otherDirect = other.baseUri().resolve("/headers").toString();
        Cli cli = fetch("-u", "alice:pa:ss", list(base + "/headers mine.json", toOther("/headers") + " redirected.json",
                otherDirect + " given.json").toString());

        assertThat(cli.exitCode).as(cli.err).isZero();
        String basic = "Basic " + Base64.getEncoder().encodeToString("alice:pa:ss".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(out().resolve("mine.json"))).contains(basic);
        assertThat(Files.readString(out().resolve("redirected.json"))).doesNotContain("authorization");
        assertThat(Files.readString(out().resolve("given.json"))).as("a URL given is its own origin").contains(basic);
        assertThat(Files.readString(report())).doesNotContain("pa:ss").doesNotContain(basic.substring(6));
    }

    @Test
    void aNetrcLoginGoesToItsHostWhicheverUrlLedThere() throws Exception {
        String port = String.valueOf(server.address().getPort());
        Path netrc = tmp.resolve("netrc");
        Files.writeString(netrc, "machine localhost login lou password \"with space\"\n\n"
                + "macdef init\ncd /pub\n\ndefault login anon password guest\n");
        String toLocalhost = base + "/redirect-to?url=" + URLEncoder.encode("http://localhost:" + port + "/headers", StandardCharsets.UTF_8);
        Cli cli = fetch("--netrc-file", netrc.toString(), list(toLocalhost + " localhost.json", base + "/headers default.json",
                base + "/basic-auth/anon/guest auth.json").toString());

        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(Files.readString(out().resolve("localhost.json"))).contains(basic("lou:with space"));
        assertThat(Files.readString(out().resolve("default.json"))).contains(basic("anon:guest"));
        assertThat(Files.readString(out().resolve("auth.json"))).contains("\"authenticated\": true");
        Cli home = Cli.runWith(Map.of("HOME", tmp.toString()), "/nonexistent-home", fetchArgs(mode(), transport(), "-o", out().toString(),
                "--netrc", base + "/basic-auth/anon/guest?again"));
        assertThat(home.exitCode).as("no ~/.netrc: " + home.err).isEqualTo(2);
        assertThat(home.err).contains("--netrc: cannot read " + tmp.resolve(".netrc"));
        Files.copy(netrc, tmp.resolve(".netrc"));
        home = Cli.runWith(Map.of("HOME", tmp.toString()), "/nonexistent-home", fetchArgs(mode(), transport(), "-o", out().toString(),
                "--netrc", base + "/basic-auth/anon/guest?again"));
        assertThat(home.exitCode).as(home.err).isZero();
    }

    @Test
    void refusedCredentialsAreAuthFailedAndNoCredentialsA401() throws Exception {
        String wrong = base + "/basic-auth/alice/right";
        String none = other.baseUri().resolve("/basic-auth/alice/right").toString();
        Cli cli = fetch("-u", "alice:wrong", "--retries", "0", wrong, toOther("/basic-auth/alice/right"));

        assertThat(cli.exitCode).isEqualTo(1);
        FetchFailuresTest.assertOutcome(results().get(wrong), "failed", "auth_failed", "the server refused the credentials sent (401");
        FetchFailuresTest.assertOutcome(results().get(toOther("/basic-auth/alice/right")), "failed", "http_401", "HTTP 401");
        assertThat(cli.err).doesNotContain("wrong:").doesNotContain(none + ":");
    }

    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theUserAgentIsOursUnlessGiven() throws Exception {
        fetch(list(base + "/headers ua.json").toString());
        assertThat(Files.readString(out().resolve("ua.json"))).contains("async-crawler/" + VersionProvider.version());
        fetch("-A", "tester/1.0", "--overwrite", list(base + "/headers ua.json").toString());
        assertThat(Files.readString(out().resolve("ua.json"))).contains("tester/1.0");
    }
}
