package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.asynccrawler.server.TestServer;
import io.asynccrawler.transport.Transport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** -H headers and URL credentials go only to the origin they were given for (RELIABILITY §6). */
class FetchCredentialsTest extends FetchTestBase {
    static TestServer other;

    @BeforeAll
    static void startOther() throws InterruptedException {
        other = TestServer.start("127.0.0.1", 0, null, Transport.auto());
    }

    @AfterAll
    static void stopOther() {
        other.close();
    }

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

    @Test
    void theUserAgentIsOursUnlessGiven() throws Exception {
        fetch(list(base + "/headers ua.json").toString());
        assertThat(Files.readString(out().resolve("ua.json"))).contains("async-crawler/" + VersionProvider.version());
        fetch("-A", "tester/1.0", "--overwrite", list(base + "/headers ua.json").toString());
        assertThat(Files.readString(out().resolve("ua.json"))).contains("tester/1.0");
    }
}
