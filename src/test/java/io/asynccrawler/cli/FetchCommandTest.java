package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.asynccrawler.server.DeterministicBytes;
import io.asynccrawler.testing.Tree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FetchCommandTest extends FetchTestBase {
    @Test
    void savesTwoThousandUrlsWithTheRightBytes() throws Exception {
        List<String> urls = new ArrayList<>();
        Set<String> expectedFiles = new TreeSet<>();
        for (int i = 1; i <= 2000; i++) {
            urls.add(base + "/bytes/" + (i % 50 + 1) * 97 + "?seed=" + i);
            expectedFiles.add(hostDir() + "/bytes/" + (i % 50 + 1) * 97 + "@seed=" + i);
        }
        Cli cli = fetch("-c", "64", list(urls.toArray(String[]::new)).toString());
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(Tree.files(out())).isEqualTo(expectedFiles);
        for (int i = 1; i <= 2000; i++) {
            int n = (i % 50 + 1) * 97;
            assertThat(Files.readAllBytes(out().resolve(hostDir() + "/bytes/" + n + "@seed=" + i)))
                    .isEqualTo(DeterministicBytes.bytes(i, 0, n));
        }
        JsonNode summary = summary();
        assertThat(summary.get("ok").asInt()).isEqualTo(2000);
        assertThat(summary.get("failed").asInt()).isZero();
        assertThat(summary.get("mode").asText()).isEqualTo("async");
        assertThat(summary.get("latencyMs").get("p95").asLong()).isGreaterThanOrEqualTo(summary.get("latencyMs").get("p50").asLong());
    }

    @Test
    void noEscapeSequenceOfAListReachesTheTerminal() throws Exception {
        Path list = list("http://a/\u001b[31mred\u0007", base + "/bytes/10");
        Cli cli = Cli.run("fetch", "-o", out().toString(), list.toString()); // not -q: the summary's example too
        assertThat(cli.exitCode).isEqualTo(1);
        assertThat(cli.err).doesNotContain("\u001b").doesNotContain("\u0007").contains("http://a/\\e[31mred\\x07")
                .contains("e.g. http://a/\\e[31mred\\x07");
    }

    @Test
    void wgetAndAria2HabitsWork() throws Exception {
        Path list = list(base + "/bytes/10?n=1", base + "/bytes/10?n=2");
        Path dir = tmp.resolve("prefix");
        Cli cli = Cli.run("fetch", "-q", "-P", dir.toString(), "-i", list.toString(), base + "/bytes/10?n=0");
        assertThat(cli.exitCode).as(cli.err).isZero();
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).count()).as("the argument's URL and the -i list's two").isEqualTo(3);
        }
        Cli resume = Cli.run("fetch", "-c", "-o", dir.toString(), list.toString());
        assertThat(resume.exitCode).isEqualTo(2);
        assertThat(resume.err).contains("-c is --concurrency here: did you mean --resume (wget -c, curl -C -)?");
        Cli word = Cli.run("fetch", "-c", base + "/bytes/10");
        assertThat(word.exitCode).isEqualTo(2);
        assertThat(word.err).contains("is not an int; -c is --concurrency here: did you mean --resume");
    }

    @Test
    void anOutputDirectoryTheJobMadeAndLeftEmptyIsRemoved() throws Exception {
        Path made = tmp.resolve("made-for-a-typo");
        Cli typo = Cli.run("fetch", "-o", made.toString(), tmp.resolve("no-such-list.txt").toString());
        assertThat(typo.exitCode).as(typo.err).isEqualTo(2);
        assertThat(made).as("made for a list that is not there").doesNotExist();

        Path allFailed = tmp.resolve("made-for-404s");
        Cli failed = Cli.run("fetch", "--retries", "0", "-o", allFailed.toString(), base + "/status/404");
        assertThat(failed.exitCode).as(failed.err).isEqualTo(1);
        assertThat(allFailed).as("made, and nothing saved").doesNotExist();

        Path given = Files.createDirectories(tmp.resolve("there-before"));
        Cli before = Cli.run("fetch", "--retries", "0", "-o", given.toString(), base + "/status/404");
        assertThat(before.exitCode).as(before.err).isEqualTo(1);
        assertThat(given).as("a directory the user had stays").isEmptyDirectory();

        Path saved = tmp.resolve("made-and-used");
        Cli ok = Cli.run("fetch", "-o", saved.toString(), base + "/bytes/10");
        assertThat(ok.exitCode).as(ok.err).isZero();
        assertThat(Tree.files(saved)).hasSize(1);
    }

    @Test
    void reusesKeepAliveConnectionsAndNeverExceedsTheConcurrency() throws Exception {
        int acceptedBefore = server.connections().accepted();
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            urls.add(base + "/bytes/100?seed=" + i);
        }
        Cli cli = fetch("-c", "4", list(urls.toArray(String[]::new)).toString());
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(server.connections().accepted() - acceptedBefore).isLessThanOrEqualTo(4);
    }

    @Test
    void semaphoreBoundsRequestsInFlight() throws Exception {
        TestServerPeak peak = new TestServerPeak();
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            urls.add(base + "/delay/200?n=" + i);
        }
        long start = System.nanoTime();
        Cli cli = fetch("-c", "8", list(urls.toArray(String[]::new)).toString());
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(peak.openDuring()).isLessThanOrEqualTo(8);
        assertThat(ms).as("40 x 200 ms at 8 at a time").isGreaterThanOrEqualTo(5 * 200);
    }

    @Test
    void perHostCapLimitsOneHost() throws Exception {
        TestServerPeak peak = new TestServerPeak();
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            urls.add(base + "/delay/150?n=" + i);
        }
        Cli cli = fetch("-c", "50", "--per-host", "3", list(urls.toArray(String[]::new)).toString());
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(peak.openDuring()).isLessThanOrEqualTo(3);
    }

    @Test
    void aHostAtItsCapDoesNotHoldBackOtherHosts() throws Exception {
        // Two host names for one server: localhost (slow URLs, capped at one at a time) first in the
        // list, then 127.0.0.1. The second host must not wait behind the first one's queue.
        String slowHost = "http://localhost:" + server.address().getPort();
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            urls.add(slowHost + "/delay/600?n=" + i);
        }
        for (int i = 0; i < 4; i++) {
            urls.add(base + "/bytes/10?seed=" + i);
        }
        Cli cli = fetch("-c", "8", "--per-host", "1", list(urls.toArray(String[]::new)).toString());
        assertThat(cli.exitCode).as(cli.err).isZero();
        Map<String, JsonNode> r = results();
        Instant secondSlow = Instant.parse(r.get(slowHost + "/delay/600?n=1").get("startedAt").asText());
        for (int i = 0; i < 4; i++) {
            Instant fast = Instant.parse(r.get(base + "/bytes/10?seed=" + i).get("startedAt").asText());
            assertThat(fast).as("127.0.0.1 URL %d started before localhost's second", i).isBefore(secondSlow);
        }
        Instant lastSlow = Instant.parse(r.get(slowHost + "/delay/600?n=3").get("startedAt").asText());
        assertThat(Duration.between(secondSlow, lastSlow)).as("one at a time").isGreaterThanOrEqualTo(Duration.ofMillis(1100));
    }

    @Test
    void skipsExistingFilesUnlessOverwriteAndKeepsThemWhenARedownloadFails() throws Exception {
        Path list = list(base + "/bytes/64?seed=1 kept.bin", base + "/status/404 old.txt");
        Files.createDirectories(out());
        Files.writeString(out().resolve("old.txt"), "precious");
        Files.writeString(out().resolve("kept.bin"), "old content");
        Cli first = fetch(list.toString());
        assertThat(first.exitCode).isZero();
        assertThat(results().get(base + "/bytes/64?seed=1").get("outcome").asText()).isEqualTo("skipped");
        assertThat(Files.readString(out().resolve("kept.bin"))).isEqualTo("old content");

        Cli second = fetch("--overwrite", list.toString());
        assertThat(second.exitCode).isEqualTo(1);
        assertThat(Files.readAllBytes(out().resolve("kept.bin"))).isEqualTo(DeterministicBytes.bytes(1, 0, 64));
        assertThat(Files.readString(out().resolve("old.txt"))).isEqualTo("precious");
        assertThat(Tree.files(out())).containsExactlyInAnyOrder("kept.bin", "old.txt");
    }

    @Test
    void readsInputLazilyWithCommentsColumnsDuplicatesAndBadLines() throws Exception {
        Path list = list("# a comment", "", base + "/bytes/10?seed=1", "  " + base + "/bytes/10?seed=1  ",
                "ftp://example.invalid/x", base + "/bytes/20 named/twenty.bin", "not a url at all",
                base + "/bytes/30 named/twenty.bin");
        Cli cli = fetch(list.toString());
        assertThat(cli.exitCode).isEqualTo(1); // bad lines count as failures, and are in the report
        assertThat(cli.err).contains(list + ":5: not an http(s) URL: ftp://example.invalid/x")
                .contains(list + ":7: not a URL: not a url at all")
                .contains(base + "/bytes/30: saved as named/twenty~2.bin, as named/twenty.bin is an earlier URL's name");
        assertThat(Tree.files(out())).containsExactlyInAnyOrder(
                hostDir() + "/bytes/10@seed=1", "named/twenty.bin", "named/twenty~2.bin");
        assertThat(Files.size(out().resolve("named/twenty~2.bin"))).isEqualTo(30);
        assertThat(results()).hasSize(5);
        assertThat(results().get("not a url at all").get("reason").asText()).isEqualTo("bad_input");
        assertThat(results().get("not a url at all").get("error").asText()).isEqualTo(list + ":7: not a URL: not a url at all");
    }

    @Test
    void onlyBadInputIsAUsageError() throws Exception {
        Cli cli = fetch(list("ftp://x/y", "mailto:someone").toString());
        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err).contains(":1: not an http(s) URL: ftp://x/y");
        assertThat(Cli.run("fetch", "-o", out().toString(), tmp.resolve("missing.txt").toString()).err)
                .contains("no such file, and not a URL");
    }

    @Test
    void urlsMayBeGivenAsArguments() throws Exception {
        Cli cli = fetch(base + "/bytes/5?seed=5");
        assertThat(cli.exitCode).isZero();
        assertThat(Tree.files(out())).containsExactly(hostDir() + "/bytes/5@seed=5");
    }

    @Test
    void gzipBodiesAreSavedDecoded() throws Exception {
        Cli cli = fetch(base + "/bytes/200000?gzip=1&seed=4");
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(Files.readAllBytes(out().resolve(hostDir() + "/bytes/200000@gzip=1&seed=4")))
                .isEqualTo(DeterministicBytes.bytes(4, 0, 200000));
    }

    @Test
    void chunkedBodiesAreSavedWhole() throws Exception {
        Cli cli = fetch(base + "/bytes/300000?chunked=1&seed=6");
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(Files.readAllBytes(out().resolve(hostDir() + "/bytes/300000@chunked=1&seed=6")))
                .isEqualTo(DeterministicBytes.bytes(6, 0, 300000));
    }

    @Test
    void reportsEveryResultField() throws Exception {
        fetch(base + "/redirect/2");
        Map<String, JsonNode> results = results();
        JsonNode r = results.get(base + "/redirect/2");
        assertThat(r.get("finalUrl").asText()).isEqualTo(base + "/redirect/0");
        assertThat(r.get("status").asInt()).isEqualTo(200);
        assertThat(r.get("file").asText()).isEqualTo(hostDir() + "/redirect/2");
        assertThat(r.get("contentType").asText()).isEqualTo("application/json");
        assertThat(r.get("attempts").asInt()).isEqualTo(3);
        assertThat(r.get("ttfbMs").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(r.get("totalMs").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(r.get("startedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(r.get("outcome").asText()).isEqualTo("ok");
        assertThat(r.get("bytes").asLong()).isEqualTo(Files.size(out().resolve(hostDir() + "/redirect/2")));
    }

    static String hostDir() {
        return "127.0.0.1_" + server.address().getPort();
    }

    /** The most connections the test server held open during one test, from its start. */
    static final class TestServerPeak {
        private final int openBefore = server.connections().open();

        int openDuring() {
            return server.connections().peak() - openBefore;
        }

        TestServerPeak() {
            server.connections().resetPeak();
        }
    }

    @Test
    void aHeaderOrUserAgentWithALineBreakIsAUsageErrorAndNothingIsSent() throws Exception {
        int before = server.connections().accepted();
        for (String[] bad : new String[][] {{"-A", "crawler\r\nX-Evil: 1"}, {"-H", "X-Note: a\nX-Evil: 1"}, {"-H", "X-Note: a\u001bb"}}) {
            Cli cli = fetch(bad[0], bad[1], base + "/bytes/10");
            assertThat(cli.exitCode).as(bad[1]).isEqualTo(2);
            assertThat(cli.err.lines()).as(cli.err).anyMatch(l -> l.contains(bad[0].equals("-A") ? "--user-agent" : "line break"));
            assertThat(cli.err).doesNotContain("\tat ");
        }
        assertThat(server.connections().accepted()).as("no connection made").isEqualTo(before);
    }
}
