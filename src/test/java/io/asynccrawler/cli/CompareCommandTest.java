package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.asynccrawler.server.SiteShape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class CompareCommandTest extends FetchTestBase {
    private Cli compare(String... args) {
        List<String> all = new ArrayList<>(List.of("compare", "-o", out().toString(), "--report", report().toString()));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    private Path delays(int n, int ms) throws Exception {
        String[] urls = new String[n];
        for (int i = 0; i < n; i++) {
            urls[i] = base + "/delay/" + ms + "?n=" + i;
        }
        return list(urls);
    }

    /** The table's rows: mode -> [wall s, speed-up]. */
    static Map<String, double[]> table(String out) {
        Map<String, double[]> rows = new HashMap<>();
        Matcher m = Pattern.compile("(?m)^(sync|threads|virtual|async)\\s+([\\d.]+)\\s+.*\\s([\\d.]+)x$").matcher(out);
        while (m.find()) {
            rows.put(m.group(1), new double[] {Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))});
        }
        return rows;
    }

    @Test
    void asyncKeepsTheWaitsTogetherAndTheSpeedUpIsTheRatioOfWallTimes() throws Exception {
        Cli cli = compare("-c", "10", "--modes", "sync,threads,async", delays(10, 300).toString());
        assertThat(cli.exitCode).as(cli.err).isZero();
        Map<String, double[]> rows = table(cli.out);
        assertThat(rows).containsKeys("sync", "threads", "async");
        double sync = rows.get("sync")[0];
        double async = rows.get("async")[0];
        assertThat(sync).as("10 x 300 ms one after another").isGreaterThanOrEqualTo(3.0);
        assertThat(async).as("10 x 300 ms at once").isLessThan(sync / 2);
        assertThat(rows.get("async")[1]).isCloseTo(sync / async, within(sync / async * 0.10));
        assertThat(rows.get("sync")[1]).isEqualTo(1.0);
        JsonNode report = new ObjectMapper().readTree(report().toFile());
        assertThat(report.get("summaries")).hasSize(3);
        assertThat(report.get("summaries").get(0).get("wallSeconds").asDouble()).isCloseTo(sync, within(0.01));
        assertThat(report.get("results")).hasSize(30);
        assertThat(report.get("results").get(0).get("mode").asText()).isEqualTo("sync");
        assertThat(cli.err).contains("every mode saved the same 10 files");
        assertThat(cli.out).contains("sync ", "async ", "0 s");
    }

    @Test
    void protocolsRunTheJobOverEachAndSayWhichCarriedEveryUrl() throws Exception {
        String[] urls = new String[30];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = base + "/bytes/5000?seed=" + i;
        }
        Cli cli = compare("--protocols", "http1.1,h2", "--warm-up", "4", list(urls).toString());
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(cli.err).contains("compare: http1.1 ...", "compare: h2 ...", "every protocol saved the same 30 files");
        assertThat(cli.out).containsPattern("(?m)^http1\\.1\\s+[\\d.]+").containsPattern("(?m)^h2\\s+[\\d.]+");
        JsonNode report = new ObjectMapper().readTree(report().toFile());
        assertThat(report.get("results")).hasSize(60);
        for (JsonNode r : report.get("results")) {
            String expected = r.get("mode").asText().equals("h2") ? "h2" : "http/1.1";
            assertThat(r.get("protocol").asText()).as(r.toString()).isEqualTo(expected);
        }
        assertThat(Files.isDirectory(out().resolve("h2"))).isTrue();
        assertThat(Files.isDirectory(out().resolve("http1.1"))).isTrue();
    }

    @Test
    void modesAndProtocolsTogetherAreAUsageError() throws Exception {
        Cli cli = compare("--modes", "sync,async", "--protocols", "h2", base + "/bytes/10");
        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err).contains("--modes and --protocols: give one");
        assertThat(compare("--protocols", "h3", base + "/bytes/10").err).contains("not a protocol: 'h3' (http1.1, h2)");
    }

    @Test
    void eachModeWarmsUpOffTheClockAndNothingOfItIsKept() throws Exception {
        Path scratch = Path.of(System.getProperty("java.io.tmpdir"));
        long scratchBefore = warmUpDirs(scratch);
        Cli cli = compare("--warm-up", "20", "--modes", "sync,async", delays(3, 10).toString());
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(cli.err).contains("compare: sync: warmed up on 20 of 20 loopback requests",
                "compare: async: warmed up on 20 of 20 loopback requests", "every mode saved the same 3 files");
        JsonNode report = new ObjectMapper().readTree(report().toFile());
        assertThat(report.get("results")).hasSize(6);
        report.get("results").forEach(r -> assertThat(r.get("url").asText()).doesNotContain("warm-up"));
        assertThat(report.get("summaries").get(0).get("ok").asInt()).isEqualTo(3);
        assertThat(io.asynccrawler.testing.Tree.files(out())).hasSize(6).noneMatch(f -> f.contains("warm-up"));
        assertThat(warmUpDirs(scratch)).as("scratch directories left").isEqualTo(scratchBefore);

        Cli cold = compare("--warm-up", "0", "--modes", "async", delays(2, 10).toString());
        assertThat(cold.exitCode).as(cold.err).isZero();
        assertThat(cold.err).doesNotContain("warmed up");
        assertThat(compare("--warm-up", "-1", delays(1, 10).toString()).exitCode).isEqualTo(2);
    }

    private static long warmUpDirs(Path scratch) throws java.io.IOException {
        try (java.util.stream.Stream<Path> entries = Files.list(scratch)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("crawler-warm-up-")).count();
        }
    }

    @Test
    void aBodyThatDiffersBetweenModesIsCaughtAndNamed() throws Exception {
        Cli cli = compare("--modes", "sync,async", list(base + "/counter", base + "/bytes/10?seed=1").toString());
        assertThat(cli.exitCode).isEqualTo(1);
        assertThat(cli.err).contains("async differs from sync: different content: " + FetchCommandTest.hostDir() + "/counter")
                .doesNotContain("bytes/10");
    }

    @Test
    void theTimelinePictureHasOneBarPerRequestInItsModesPanel() throws Exception {
        Path svg = tmp.resolve("t.svg");
        Cli cli = compare("-c", "4", "--modes", "sync,async", "--timeline", svg.toString(),
                list(base + "/delay/50?a", base + "/delay/50?b", base + "/status/404", base + "/bytes/10").toString());
        assertThat(cli.exitCode).isEqualTo(1); // the 404
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        NodeList panels = doc.getElementsByTagName("g");
        Map<String, Integer> bars = new HashMap<>();
        Map<String, Integer> failed = new HashMap<>();
        for (int i = 0; i < panels.getLength(); i++) {
            Element panel = (Element) panels.item(i);
            NodeList rects = panel.getElementsByTagName("rect");
            for (int j = 0; j < rects.getLength(); j++) {
                String cls = ((Element) rects.item(j)).getAttribute("class");
                if (cls.startsWith("bar")) {
                    bars.merge(panel.getAttribute("data-mode"), 1, Integer::sum);
                    if (cls.contains("failed")) {
                        failed.merge(panel.getAttribute("data-mode"), 1, Integer::sum);
                    }
                }
            }
        }
        assertThat(bars).containsEntry("sync", 4).containsEntry("async", 4);
        assertThat(failed).containsEntry("sync", 1).containsEntry("async", 1);
        Path html = tmp.resolve("t.html");
        compare("--modes", "async", "--timeline", html.toString(), base + "/bytes/1");
        assertThat(Files.readString(html)).startsWith("<!doctype html>").contains("<svg");
    }

    @Test
    void stdinIsReadOnceAndReplayedForEveryMode() throws Exception {
        CommandLineWithStdin run = new CommandLineWithStdin(base + "/bytes/7?seed=1\n" + base + "/bytes/8?seed=2\n");
        Cli cli = run.compare("-o", out().toString(), "--modes", "sync,async", "-");
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(cli.err).contains("every mode saved the same 2 files");
    }

    @Test
    void virtualThreadsAreSkippedWithANoteBeforeJdk21() throws Exception {
        Cli cli = compare("--modes", "virtual,async", base + "/bytes/3");
        if (Runtime.version().feature() < 21) {
            assertThat(cli.err).contains("skipping virtual: virtual threads need JDK 21 or later");
            assertThat(table(cli.out)).containsOnlyKeys("async");
        } else {
            assertThat(table(cli.out)).containsKeys("virtual", "async");
        }
        assertThat(cli.exitCode).isZero();
    }

    @Test
    void directoriesMadeForTheRunAndLeftEmptyAreRemovedAsFetchDoes() throws Exception {
        Path gone = list(base + "/status/404", base + "/status/410");
        Cli failed = compare("--retries", "0", "--warm-up", "0", gone.toString());
        assertThat(failed.exitCode).as(failed.err).isEqualTo(1);
        assertThat(out()).as("no empty downloads/sync, downloads/async left").doesNotExist();

        Path there = Files.createDirectories(tmp.resolve("there"));
        Cli again = Cli.run("compare", "-o", there.toString(), "--retries", "0", "--warm-up", "0", gone.toString());
        assertThat(again.exitCode).as(again.err).isEqualTo(1);
        assertThat(there).as("a directory that was there before stays").isEmptyDirectory();

        Cli saved = compare("--warm-up", "0", "--modes", "sync,async", list(base + "/bytes/10", base + "/status/404").toString());
        assertThat(saved.exitCode).as(saved.err).isEqualTo(1);
        assertThat(out().resolve("sync")).isDirectory();
        assertThat(out().resolve("async")).isDirectory();
    }

    @Test
    void aTimelineThatCannotBeWrittenIsRefusedBeforeAnyModeRuns() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Cli cli = compare("--warm-up", "0", "--timeline", file.resolve("t.svg").toString(), base + "/bytes/10");
        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err).contains("cannot write --timeline " + file.resolve("t.svg") + ": " + file + " is not a directory")
                .doesNotContain("compare: sync");
        Cli dir = compare("--warm-up", "0", "--timeline", Files.createDirectories(tmp.resolve("t.svg")).toString(), base + "/bytes/10");
        assertThat(dir.err).contains("it is a directory");
        assertThat(dir.exitCode).isEqualTo(2);
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertThat(Cli.run("compare", "--modes", "sync,turbo", "x").err).contains("unknown mode 'turbo'");
        assertThat(Cli.run("compare", "--timeline", "t.png", "x").err).contains("must name a .svg or .html file");
        assertThat(Cli.run("compare").exitCode).isEqualTo(2);
    }

    @Test
    void aCrawlRunsInEveryModeFromScratchAndSavesTheSameFiles() throws Exception {
        String seed = base + new SiteShape(60, 3).root();
        for (int run = 0; run < 2; run++) { // the second run crawls again: a comparison is never resumed
            Cli cli = compare("--crawl", "-l", "2", "-p", "--warm-up", "0", "--modes", "sync,threads,async", seed);
            assertThat(cli.exitCode).as(cli.err).isZero();
            Matcher same = Pattern.compile("every mode saved the same (\\d+) files").matcher(cli.err);
            assertThat(same.find()).as(cli.err).isTrue();
            assertThat(Integer.parseInt(same.group(1))).as("pages, requisites, sitemaps, robots.txt").isGreaterThan(20);
            JsonNode report = new ObjectMapper().readTree(report().toFile());
            assertThat(report.get("summaries")).hasSize(3);
            long ok = report.get("summaries").get(0).get("ok").asLong();
            assertThat(ok).as("every file, and a redirect's result (no file)").isGreaterThan(Long.parseLong(same.group(1)));
            for (JsonNode summary : report.get("summaries")) {
                assertThat(summary.get("ok").asLong()).isEqualTo(ok);
                assertThat(summary.get("exclusions").get("too_deep").asLong()).isPositive();
            }
            assertThat(out().resolve(CompareCommand.STATE_DIR)).as("each mode's crawl state is gone with its run").doesNotExist();
        }
    }

    @Test
    void aCrawlOptionWithoutCrawlIsAUsageError() {
        Cli cli = compare("-l", "2", "--warm-up", "0", base + "/bytes/10");
        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err).contains("--depth is an option of a crawl: add --crawl");
        assertThat(compare("--no-parent", base + "/bytes/10").err).contains("--no-parent is an option of a crawl");
        assertThat(compare("--crawl", "--include", "(", base + "/").err).contains("not a regular expression: (");
    }
}
