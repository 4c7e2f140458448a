package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.asynccrawler.server.ServerSettings;
import io.asynccrawler.server.TestServer;
import io.asynccrawler.testing.CloseDelimitedTlsServer;
import io.asynccrawler.testing.TestTls;
import io.asynccrawler.transport.Transport;
import io.netty.handler.ssl.OpenSsl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Over https, compare gives the event loop the JDK's TLS, the only one the blocking modes have, so
 * that it compares ways of waiting, not TLS libraries; fetch keeps BoringSSL. Told by -v, in a new
 * JVM as users run it (the test class path's logback-test.xml would hide the line).
 */
class CompareTlsProcessTest extends FetchTestBase {
    private static final String JDK_LINE = "TLS: the JDK's, as the blocking modes'";
    private static TestServer tls;

    @BeforeAll
    static void startTlsServer() throws Exception {
        tls = TestServer.start(new ServerSettings("127.0.0.1", 0, null, Transport.auto(), TestTls.server("good")));
    }

    @AfterAll
    static void stopTlsServer() {
        tls.close();
    }

    @Test
    void compareRunsTheEventLoopOnTheJdksTlsAndFetchOnBoringSsl() throws Exception {
        assumeTrue(OpenSsl.isAvailable(), "BoringSSL loads here, so fetch would use it");
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            urls.add(tls.baseUri().resolve("/bytes/2000?seed=" + i).toString());
        }
        String ca = TestTls.caFile().toString();
        String compare = run(List.of("compare", "--cacert", ca, "--modes", "sync,async", "--warm-up", "0"), urls);
        assertThat(compare.lines()).as(compare).anyMatch(l -> l.contains(JDK_LINE));
        assertThat(compare).as(compare).doesNotContain("netty-tcnative").contains("compare: async: ok 3, skipped 0, failed 0");
        // Made before the clock starts, as the blocking modes' is: so without --cacert, and with no https URL, too.
        String http = run(List.of("compare", "--modes", "async", "--warm-up", "0"), List.of(base + "/bytes/10"));
        assertThat(http.lines()).as(http).anyMatch(l -> l.contains(JDK_LINE));

        String fetch = run(List.of("fetch", "--cacert", ca, "--retries", "0"), urls);
        assertThat(fetch.lines()).as(fetch).anyMatch(l -> l.matches("TLS: BoringSSL.* \\(netty-tcnative\\)"));
        assertThat(fetch).doesNotContain("TLS: the JDK's");
    }

    /**
     * Both ways of waiting refuse a body that ended with its connection but without TLS's
     * close_notify. The JDK's TLS sockets read whether to once, when the first TLS context is
     * built: here the event loop's, first (async before sync), so the command must say so at start.
     */
    @Test
    void aBodyCutWithoutCloseNotifyFailsInEveryModeWhicheverComesFirst() throws Exception {
        try (CloseDelimitedTlsServer server = new CloseDelimitedTlsServer()) {
            Path report = tmp.resolve("cut.json");
            List<String> args = new ArrayList<>(List.of("compare", "--modes", "async,sync", "--warm-up", "0", "--retries", "0",
                    "--cacert", TestTls.caFile().toString(), "--report", report.toString(), "-o", tmp.resolve("cut").toString(),
                    server.url("/clean"), server.url("/cut")));
            Process p = new ProcessBuilder(CrawlerProcess.commandAsUsersRunIt(List.of(), args)).redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("cut.txt").toFile()).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = Files.readString(tmp.resolve("cut.txt"));
            assertThat(p.exitValue()).as(output).isEqualTo(1);
            JsonNode results = new ObjectMapper().readTree(report.toFile()).get("results");
            assertThat(results).hasSize(4);
            for (JsonNode r : results) {
                boolean cut = r.get("url").asText().endsWith("/cut");
                assertThat(r.get("outcome").asText()).as(r.toString()).isEqualTo(cut ? "failed" : "ok");
                if (cut) {
                    assertThat(r.get("reason").asText()).as(r.toString()).isEqualTo("truncated");
                    assertThat(r.get("error").asText()).contains("close_notify");
                }
            }
        }
    }

    /** Runs {@code crawler COMMAND OPTIONS -v -o DIR URLS} in a new JVM; its exit code must be 0. */
    private String run(List<String> commandAndOptions, List<String> urls) throws Exception {
        List<String> args = new ArrayList<>(commandAndOptions);
        args.addAll(List.of("-v", "-o", tmp.resolve("out-" + System.nanoTime()).toString()));
        args.addAll(urls);
        Process p = new ProcessBuilder(CrawlerProcess.commandAsUsersRunIt(List.of(), args)).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("output.txt").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(tmp.resolve("output.txt"));
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }
}
