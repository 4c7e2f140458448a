package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.asynccrawler.testing.FullListener;
import io.asynccrawler.testing.ScriptedServer;
import io.asynccrawler.testing.ScriptedServer.Script;
import io.asynccrawler.testing.Tree;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Protocol faults, timeouts and limits from a scripted hostile server, one table row per case. Each
 * case asserts the exit code, the URL's result in the report and the exact set of files on disk.
 */
class HostileServerTest {
    static ScriptedServer server;
    /** A second origin (another port): where redirects lead to check what is sent across origins. */
    static ScriptedServer other;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws IOException {
        server = new ScriptedServer();
        other = new ScriptedServer().otherwise(Script.reply(HostileCases.ok("elsewhere")));
        for (HostileCases.HostileCase c : HostileCases.CASES.values()) {
            server.on(c.path(), c.scripts);
        }
        server.on(EARLY_HINTS, Script.reply("HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n"
                + "HTTP/1.1 102 Processing\r\n\r\n" + HostileCases.ok("hinted")));
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        other.close();
    }

    private static final String EARLY_HINTS = "/early-hints";

    /** The mode every case runs in; a subclass runs the same table in another. */
    String mode() {
        return "async";
    }

    /** The event loop's transport, or null for the default; a subclass runs the same table on another. */
    String transport() {
        return null;
    }

    @BeforeEach
    void transportAvailable() {
        FetchTestBase.assumeAvailable(transport());
    }

    /** {@code fetch -q} in this class's mode (and transport), then {@code more}. */
    String[] fetchArgs(String... more) {
        return FetchTestBase.fetchArgs(mode(), transport(), more);
    }

    static Stream<HostileCases.HostileCase> cases() {
        return HostileCases.CASES.values().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hostileCase(HostileCases.HostileCase c) throws IOException {
        Path out = tmp.resolve("out");
        Path report = tmp.resolve("report.json");
        String url = server.base() + c.path();
        if (c.existing != null) {
            Path file = out.resolve(hostDir() + c.path());
            Files.createDirectories(file.getParent());
            Files.writeString(file, c.existing);
        }
        List<String> args = new ArrayList<>(List.of(fetchArgs("-o", out.toString(),
                "--report", report.toString(), "--retries", "0", "--read-timeout", "2s", "--timeout", "6s")));
        args.addAll(c.args);
        args.add(url);
        Cli cli = Cli.run(args.toArray(String[]::new));

        assertThat(cli.exitCode).as(cli.err).isEqualTo(c.exit);
        JsonNode result = new ObjectMapper().readTree(report.toFile()).get("results").get(0);
        assertThat(result.get("outcome").asText()).as(result.toString()).isEqualTo(c.outcome);
        if (c.reason != null) {
            assertThat(result.get("reason").asText()).as(result.toString()).isEqualTo(c.reason);
            assertThat(result.get("error").asText()).as(result.toString()).contains(c.errorPart);
        }
        if ((c.outcome.equals("ok") && c.saved != null) || c.existing != null) {
            assertThat(Tree.files(out)).containsExactly(hostDir() + c.path());
            assertThat(Files.readString(out.resolve(hostDir() + c.path()), StandardCharsets.ISO_8859_1))
                    .isEqualTo(c.existing != null ? c.existing : c.saved);
        } else {
            assertThat(Tree.files(out)).isEmpty();
        }
        if (c.otherMustNotSee != null) {
            assertThat(other.requests()).isNotEmpty();
            assertThat(other.requests()).allSatisfy(r -> assertThat(r.toLowerCase()).doesNotContain(c.otherMustNotSee));
        }
    }

    /**
     * A server that closes each connection as soon as it accepts it: the close may reach the event
     * loop in the same batch as the connect, before the exchange begins on the connection (whose
     * pipeline is gone by then). Every URL still ends, as `closed`, and the job with it.
     */
    @Test
    void aServerThatHangsUpAtOnceEndsEveryUrl() throws Exception {
        try (ServerSocket hangUp = new ServerSocket(0, 512, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!hangUp.isClosed()) {
                    try {
                        hangUp.accept().close();
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "hang-up");
            acceptor.setDaemon(true);
            acceptor.start();
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                urls.add("http://127.0.0.1:" + hangUp.getLocalPort() + "/x" + i);
            }
            Path list = Files.write(tmp.resolve("urls.txt"), urls);
            Path report = tmp.resolve("report.json");
            Cli cli = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run(fetchArgs(
                    "-c", "50", "--retries", "0", "-o", tmp.resolve("out").toString(), "--report", report.toString(), list.toString())),
                    "every URL ends, and the job with it");
            assertThat(cli.exitCode).as(cli.err).isEqualTo(1);
            JsonNode results = new ObjectMapper().readTree(report.toFile()).get("results");
            assertThat(results).hasSize(300);
            for (JsonNode r : results) {
                assertThat(r.get("outcome").asText()).as(r.toString()).isEqualTo("failed");
                assertThat(r.get("reason").asText()).as(r.toString()).isIn("closed", "connection_reset");
            }
        }
    }

    /**
     * Informational responses before the real one (RFC 9110 §15.2: a client must read past them):
     * the event loop saves the final response; HttpURLConnection cannot, and the blocking modes
     * say so at once instead of waiting out the read timeout for a body that never comes.
     */
    @Test
    void informationalResponsesBeforeTheFinalOne() throws IOException {
        Path out = tmp.resolve("out");
        Path report = tmp.resolve("report.json");
        Cli cli = Cli.run(fetchArgs("-o", out.toString(), "--report", report.toString(),
                "--retries", "0", "--read-timeout", "5s", server.base() + EARLY_HINTS));
        JsonNode result = new ObjectMapper().readTree(report.toFile()).get("results").get(0);
        if (mode().equals("async")) {
            assertThat(cli.exitCode).as(cli.err).isZero();
            assertThat(Files.readString(out.resolve(hostDir() + EARLY_HINTS))).isEqualTo("hinted");
        } else {
            assertThat(cli.exitCode).isEqualTo(1);
            assertThat(result.get("reason").asText()).as("at once, not a read_timeout: " + result).isEqualTo("bad_response");
            assertThat(result.get("error").asText()).contains("HTTP 103 Early Hints before the response");
            assertThat(Tree.files(out)).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"leftover_bytes_then_next_request", "leftover_partial_line_then_next_request"})
    void leftoverBytesOnAKeptAliveConnectionNeverReachTheNextResponse(String first) throws IOException {
        Path out = tmp.resolve("out");
        String leftover = server.base() + HostileCases.CASES.get(first).path();
        String next = server.base() + HostileCases.CASES.get("plain").path();
        Cli cli = Cli.run(fetchArgs("-o", out.toString(), "-c", "1", "--retries", "0", leftover, next));
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(Files.readString(out.resolve(hostDir() + "/c/plain"))).isEqualTo("0123456789");
        assertThat(Files.readString(out.resolve(hostDir() + "/c/" + first))).isEqualTo("0123456789");
    }

    @Test
    void aPortThatNeverAcceptsIsAConnectTimeout() throws IOException {
        Path out = tmp.resolve("out");
        Path report = tmp.resolve("report.json");
        try (FullListener full = new FullListener()) {
            String url = "http://127.0.0.1:" + full.port() + "/never";
            Cli cli = Cli.run(fetchArgs("-o", out.toString(), "--report", report.toString(),
                    "--retries", "0", "--connect-timeout", "500ms", url));
            assertThat(cli.exitCode).isEqualTo(1);
            JsonNode result = new ObjectMapper().readTree(report.toFile()).get("results").get(0);
            assertThat(result.get("reason").asText()).as(result.toString()).isEqualTo("connect_timeout");
            assertThat(result.get("error").asText()).isEqualTo("timed out connecting after 500ms");
            assertThat(Tree.files(out)).isEmpty();
        }
    }

    @Test
    void dotSegmentsAreResolvedBeforeTheRequestIsSent() throws IOException {
        Path out = tmp.resolve("out");
        Cli cli = Cli.run(fetchArgs("-o", out.toString(),
                server.base() + "/x/y/../../../c/./plain#fragment"));
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(server.requests()).anySatisfy(r -> assertThat(r).startsWith("GET /c/plain HTTP/1.1\r\n"));
        assertThat(server.requests()).noneSatisfy(r -> assertThat(r).contains(".."));
        assertThat(Tree.files(out)).containsExactly(hostDir() + "/c/plain");
    }

    static String hostDir() {
        return "127.0.0.1_" + server.port();
    }
}
