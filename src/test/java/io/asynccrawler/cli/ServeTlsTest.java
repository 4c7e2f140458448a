package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.asynccrawler.testing.TestTls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code crawler serve --tls-cert}: the test server over https, offering h2 and http/1.1 by ALPN,
 * from a PEM file a user brings (the test CA's certificate here, trusted with --cacert).
 */
class ServeTlsTest extends FetchTestBase {
    @Test
    void serveOverTlsSpeaksH2ByAlpnAndHttp11ToWhoAsks() throws Exception {
        Path pem = TestTls.pem("good", tmp);
        try (CrawlerProcess.Served served = CrawlerProcess.serve("--tls-cert", pem.toString())) {
            assertThat(served.base().getScheme()).isEqualTo("https");
            String url = served.base().resolve("/bytes/100000?seed=3").toString();
            String other = served.base().resolve("/bytes/1000?seed=4").toString();
            Cli h2 = fetch("--cacert", TestTls.caFile().toString(), url, other);
            assertThat(h2.exitCode).as(h2.err).isZero();
            Map<String, JsonNode> results = results();
            assertThat(results.values()).hasSize(2).allMatch(r -> r.get("protocol").asText().equals("h2"));
            assertThat(Files.size(out().resolve(results.get(url).get("file").asText()))).isEqualTo(100_000);

            Cli http1 = fetch("--cacert", TestTls.caFile().toString(), "--http1.1", "--overwrite", url);
            assertThat(http1.exitCode).as(http1.err).isZero();
            assertThat(results().get(url).get("protocol").asText()).isEqualTo("http/1.1");
        }
    }

    @Test
    void aKeyWithoutACertificateOrAFileWithoutThemIsAUsageErrorInOneLine() throws Exception {
        Cli keyAlone = Cli.run("serve", "--port", "0", "--tls-key", tmp.resolve("key.pem").toString());
        assertThat(keyAlone.exitCode).isEqualTo(2);
        assertThat(keyAlone.err.strip()).isEqualTo("serve: --tls-key needs --tls-cert");

        Path notPem = Files.writeString(tmp.resolve("not.pem"), "hello\n");
        Cli garbage = Cli.run("serve", "--port", "0", "--tls-cert", notPem.toString());
        assertThat(garbage.exitCode).isEqualTo(2);
        assertThat(garbage.err.strip()).startsWith("serve: no certificate and PKCS#8 key in " + notPem).doesNotContain("\n", "\tat ");

        Cli missing = Cli.run("serve", "--port", "0", "--tls-cert", tmp.resolve("none.pem").toString());
        assertThat(missing.exitCode).isEqualTo(2);
        assertThat(missing.err.strip()).isEqualTo("serve: cannot read " + tmp.resolve("none.pem"));
    }
}
