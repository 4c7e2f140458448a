package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.asynccrawler.testing.LocalServers;
import io.asynccrawler.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Debian's nghttpd, a server that speaks HTTP/2 only, to a client that speaks HTTP/1.1 (no prior
 * knowledge, {@code --http1.1}): over h2c it answers an HTTP/1.1 request with a SETTINGS frame;
 * over TLS, offered ALPN http/1.1 alone, it agrees no protocol and closes. Both are said as
 * http2_only, not retried, and once per server on stderr, not once per URL after a handshake each.
 */
class Http2OnlyServerTest extends FetchTestBase {
    private static final Path NGHTTPD = Path.of("/usr/sbin/nghttpd");
    private static final int URLS = 20;

    @Test
    void anHttp2OnlyServerIsSaidOnceAsSuch() throws Exception {
        assumeTrue(Files.isExecutable(NGHTTPD), "Debian's nghttp2-server is not installed (.ci/run installs it)");
        Path www = Files.createDirectories(tmp.resolve("www"));
        Files.writeString(www.resolve("a.txt"), "hello\n");
        Path key = tmp.resolve("key.pem");
        Path cert = tmp.resolve("cert.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                "-keyout", key.toString(), "-out", cert.toString()).redirectErrorStream(true).redirectOutput(tmp.resolve("openssl.log").toFile()).start();
        assertThat(openssl.waitFor(30, TimeUnit.SECONDS) && openssl.exitValue() == 0).as("a test certificate").isTrue();
        for (boolean tls : new boolean[] {false, true}) {
            int port = LocalServers.freePort();
            List<String> command = new ArrayList<>(List.of(NGHTTPD.toString(), "-d", www.toString()));
            if (!tls) {
                command.add("--no-tls");
            }
            command.add(String.valueOf(port));
            if (tls) {
                command.addAll(List.of(key.toString(), cert.toString()));
            }
            Process server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(tmp.resolve("nghttpd.log").toFile()).start();
            try {
                LocalServers.awaitListening("nghttpd", server, port, tmp.resolve("nghttpd.log"));
                String scheme = tls ? "https" : "http";
                List<String> urls = new ArrayList<>();
                for (int i = 0; i < URLS; i++) {
                    urls.add(scheme + "://127.0.0.1:" + port + "/a.txt?i=" + i);
                }
                Cli cli = fetch("-k", "--http1.1", "--overwrite", list(urls.toArray(String[]::new)).toString());
                assertThat(cli.exitCode).as(cli.err).isEqualTo(1);
                Map<String, JsonNode> results = results();
                for (String url : urls) {
                    assertThat(results.get(url).get("reason").asText()).as(url + " " + results.get(url)).isEqualTo("http2_only");
                }
                assertThat(cli.err.lines().filter(l -> l.contains("HTTP/2 only")).count()).as(cli.err).isEqualTo(1);
                assertThat(cli.err).contains(tls ? "it agreed no protocol to our http/1.1 and closed" : "it answered with an HTTP/2 SETTINGS frame")
                        .contains("(said once for this server)");
            } finally {
                Processes.stop(server);
            }
        }
    }
}
