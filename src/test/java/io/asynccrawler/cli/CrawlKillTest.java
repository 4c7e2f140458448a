package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.asynccrawler.save.TreeDigest;
import io.asynccrawler.server.ServerSettings;
import io.asynccrawler.server.TestServer;
import io.asynccrawler.transport.Transport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crawl's promise under {@code kill -9}: a 20,000-page site crawled by a process killed five
 * times at random moments, the same command run again after each, ends with the tree one
 * uninterrupted crawl saves, and the server saw each URL once, plus at most what was in flight at
 * each kill.
 */
class CrawlKillTest {
    private static final String SITE = "/site/20000x10/";
    private static final int KILLS = 5;
    private static final int CONCURRENCY = 16;
    /** Pages fetched and not yet read for links at most: crawl.PageReaders, 8 waiting and 1 read per core. */
    private static final int READ_BACKLOG = 9 * Runtime.getRuntime().availableProcessors();

    @TempDir
    Path tmp;

    private static List<String> crawl(TestServer server, Path out) {
        // the pages' images left out (--reject): 24,000 requests rather than 44,000, the same test of the frontier
        return CrawlerProcess.command(List.of("-Xmx256m"), List.of("crawl", "-q", "-l", "0", "-c", "" + CONCURRENCY,
                "--per-host", "" + CONCURRENCY, "--reject", "png", "-o", out.toString(), server.baseUri().resolve(SITE).toString()));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // a crawl of the size the promise is about: longer than a unit test
    void aCrawlKilledFiveTimesEndsAsOneThatWasNot() throws Exception {
        // one server for both crawls: its pages name its port, and the trees are compared byte for byte
        try (TestServer server = TestServer.start(new ServerSettings("127.0.0.1", 0, null, Transport.auto(), null, true))) {
            CrawlerProcess.Ran ran = CrawlerProcess.run(crawl(server, tmp.resolve("whole")), tmp.resolve("whole.err"));
            TreeDigest whole = tree(tmp.resolve("whole"), server);
            Map<String, Long> once = server.requests().all();
            assertThat(once).as("an uninterrupted crawl asks for each URL once").allSatisfy((path, n) -> assertThat(n).as(path).isEqualTo(1));
            // 20,000 pages less the 1,110 under page 11, which robots.txt disallows; the extras (calendar, sitemaps) besides
            assertThat(whole.size()).isGreaterThan(18_900);

            Path out = tmp.resolve("killed");
            Random random = new Random(2026);
            for (int kill = 0; kill < KILLS; kill++) {
                Process p = new ProcessBuilder(crawl(server, out)).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(tmp.resolve("kill" + kill + ".err").toFile()).start();
                boolean ended = p.waitFor(700 + random.nextInt(1500), TimeUnit.MILLISECONDS);
                p.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
                p.waitFor();
                assertThat(ended).as("killed before it ended (run " + kill + ")").isFalse();
            }
            List<String> lastRun = new ArrayList<>(crawl(server, out));
            lastRun.addAll(lastRun.indexOf("crawl") + 1, List.of("--report", tmp.resolve("last.json").toString()));
            CrawlerProcess.Ran last = CrawlerProcess.run(lastRun, tmp.resolve("last.err"));
            assertThat(last.exitCode()).as(last.err()).isEqualTo(ran.exitCode());
            // The store, not the files on disk, says what ended: a page saved but not yet recorded as
            // ended at the kill (in flight, or waiting to be read for links) is found saved and skipped.
            long skipped = new ObjectMapper().readTree(tmp.resolve("last.json").toFile()).get("summary").get("skipped").asLong();
            assertThat(skipped).as("pages found saved that the store did not know had ended")
                    .isLessThanOrEqualTo(CONCURRENCY + READ_BACKLOG);
            List<String> differences = tree(out, server).differencesFrom(whole);
            assertThat(differences.subList(0, Math.min(20, differences.size()))).as("the tree after the kills, against the whole crawl's")
                    .isEmpty();

            long extra = 0;
            for (Map.Entry<String, Long> e : server.requests().all().entrySet()) {
                long asked = e.getValue() - once.getOrDefault(e.getKey(), 0L);
                if (!e.getKey().equals("/robots.txt")) { // asked again by each run, by design: it may have changed
                    assertThat(asked).as(e.getKey()).isBetween(1L, 1L + KILLS);
                    extra += asked - 1;
                }
            }
            assertThat(extra).as("fetched again: at most what was in flight at each kill").isLessThanOrEqualTo((long) KILLS * CONCURRENCY);
        }
    }

    /** The files under {@code out}'s host directory (the state directory is beside it, left out), with their digests. */
    private static TreeDigest tree(Path out, TestServer server) throws IOException {
        return TreeDigest.of(out.resolve("127.0.0.1_" + server.baseUri().getPort()));
    }
}
