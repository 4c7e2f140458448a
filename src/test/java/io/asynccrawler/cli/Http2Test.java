package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.asynccrawler.testing.LocalServers;
import io.asynccrawler.testing.Nginx;
import io.asynccrawler.testing.Processes;
import io.asynccrawler.testing.TestTls;
import io.asynccrawler.testing.Tree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * HTTP/2 against servers nobody here wrote: nginx (ALPN h2 over TLS, a test CA) and Debian's
 * nghttpd (HTTP/2 only: TLS, and h2c by prior knowledge). Each serves 2,000 files, saved byte for
 * byte as over HTTP/1.1; the servers' own logs say which protocol and how many connections.
 */
class Http2Test extends FetchTestBase {
    private static final Path NGHTTPD = Path.of("/usr/sbin/nghttpd");
    private static final int FILES = 2_000;
    /** nginx's log: the connection's serial number, then the protocol and the path. */
    private static final String LOG = "log_format h2 '$connection $server_protocol $request_uri'; access_log %s h2;";

    @Test
    void nginxServesTwoThousandFilesOverH2AsOverHttp11() throws Exception {
        Path www = site(FILES);
        Path work = Files.createDirectories(tmp.resolve("nginx"));
        Path log = work.resolve("h2.log");
        try (Nginx nginx = Nginx.serveHttp2(www, work, TestTls.pem("good", work), String.format(LOG, log))) {
            Path urls = urls(nginx.base().toString(), FILES);
            Cli h2 = fetch("--cacert", TestTls.caFile().toString(), "-c", "64", "-i", urls.toString());
            assertThat(h2.exitCode).as(h2.err).isZero();
            assertSavedAsServed(www, out());
            assertThat(protocols()).containsOnlyKeys("h2").containsEntry("h2", (long) FILES);
            List<String> h2Lines = Files.readAllLines(log);
            assertThat(h2Lines).hasSize(FILES).allMatch(l -> l.contains(" HTTP/2.0 "));
            assertThat(connections(h2Lines)).as("one connection carries every stream").isEqualTo(1);

            Files.writeString(log, "");
            Path http11Out = tmp.resolve("out-http1.1");
            Cli http11 = Cli.run(fetchArgs(mode(), transport(), "-o", http11Out.toString(), "--report", report().toString(),
                    "--http1.1", "--cacert", TestTls.caFile().toString(), "-c", "64", "-i", urls.toString()));
            assertThat(http11.exitCode).as(http11.err).isZero();
            assertSavedAsServed(www, http11Out);
            assertThat(protocols()).containsOnlyKeys("http/1.1");
            assertThat(Files.readAllLines(log)).hasSize(FILES).allMatch(l -> l.contains(" HTTP/1.1 "));
        }
    }

    @Test
    void streamsNeverOutnumberTheServersCap() throws Exception {
        Path www = site(200);
        Path work = Files.createDirectories(tmp.resolve("nginx"));
        Path log = work.resolve("h2.log");
        String directives = "http2_max_concurrent_streams 8; " + String.format(LOG, log);
        try (Nginx nginx = Nginx.serveHttp2(www, work, TestTls.pem("good", work), directives)) {
            Cli cli = fetch("--cacert", TestTls.caFile().toString(), "-c", "64", "-i", urls(nginx.base().toString(), 200).toString());
            assertThat(cli.exitCode).as(cli.err).isZero();
            assertSavedAsServed(www, out());
            assertThat(protocols()).containsEntry("h2", 200L);
            // nginx refuses a stream above its cap and logs it at info level; each URL was asked once
            assertThat(Files.readString(work.resolve("error.log"))).doesNotContain("exceeded http2_max_concurrent_streams");
            List<String> lines = Files.readAllLines(log);
            assertThat(lines).hasSize(200);
            assertThat(connections(lines)).isEqualTo(1);
        }
    }

    @Test
    void nghttpdOverTlsAndOverH2cByPriorKnowledge() throws Exception {
        Path www = site(FILES);
        Path pem = TestTls.pem("good", tmp);
        for (boolean tls : new boolean[] {true, false}) {
            int port = LocalServers.freePort();
            List<String> command = new ArrayList<>(List.of(NGHTTPD.toString(), "-d", www.toString()));
            command.addAll(tls ? List.of(String.valueOf(port), pem.toString(), pem.toString()) : List.of("--no-tls", String.valueOf(port)));
            Path serverLog = tmp.resolve("nghttpd.log");
            Process server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(serverLog.toFile()).start();
            try {
                LocalServers.awaitListening("nghttpd", server, port, serverLog);
                Path into = tmp.resolve(tls ? "out-tls" : "out-h2c");
                Path urls = urls((tls ? "https" : "http") + "://127.0.0.1:" + port + "/", FILES);
                List<String> args = new ArrayList<>(List.of("-o", into.toString(), "--report", report().toString(), "-c", "64",
                        "-i", urls.toString()));
                args.addAll(tls ? List.of("--cacert", TestTls.caFile().toString()) : List.of("--http2-prior-knowledge"));
                Cli cli = Cli.run(fetchArgs(mode(), transport(), args.toArray(String[]::new)));
                assertThat(cli.exitCode).as(cli.err).isZero();
                assertSavedAsServed(www, into);
                assertThat(protocols()).containsOnlyKeys("h2");
            } finally {
                Processes.stop(server);
            }
        }
    }

    /** {@code count} files of 0 to 24 KiB, random bytes, and two of 3 MiB that outgrow every window. */
    private Path site(int count) throws IOException {
        Path www = Files.createDirectories(tmp.resolve("www"));
        LocalServers.readableByAll(tmp, www); // nginx's worker runs as another user
        Random random = new Random(count);
        for (int i = 0; i < count; i++) {
            byte[] bytes = new byte[i < 2 ? 3 << 20 : random.nextInt(24 * 1024)];
            random.nextBytes(bytes);
            LocalServers.readableByAll(Files.write(www.resolve("f" + i + ".bin"), bytes));
        }
        return www;
    }

    private Path urls(String base, int count) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(base + "f" + i + ".bin");
        }
        return list(lines.toArray(String[]::new));
    }

    /** Every served file saved with the same bytes, under the host's directory, and nothing else. */
    private static void assertSavedAsServed(Path www, Path out) throws IOException {
        Path host;
        try (var dirs = Files.list(out)) {
            host = dirs.findFirst().orElseThrow();
        }
        assertThat(Tree.files(host)).isEqualTo(Tree.files(www));
        for (String name : Tree.files(www)) {
            assertThat(Files.mismatch(www.resolve(name), host.resolve(name))).as(name).isEqualTo(-1L);
        }
    }

    /** The report's results counted by protocol. */
    private Map<String, Long> protocols() throws IOException {
        return results().values().stream().collect(Collectors.groupingBy(r -> r.path("protocol").asText("none"), Collectors.counting()));
    }

    private static long connections(List<String> lines) {
        return lines.stream().map(l -> l.substring(0, l.indexOf(' '))).distinct().count();
    }
}
