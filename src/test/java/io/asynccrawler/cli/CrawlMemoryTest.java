package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The frontier on disk keeps memory flat: a crawl of 200,000 pages in a JVM of 256 MiB heap ends,
 * and the heap the collector finds live never grows past a few tens of MiB, whatever the number of
 * URLs seen, queued or excluded (RocksDB's memory is native and bounded: two 16 MiB memtables and
 * its block cache).
 */
class CrawlMemoryTest {
    /** Live heap after a collection, at most: what a crawl keeps whatever its size (measured: 14 MiB). */
    private static final int MAX_LIVE_MIB = 64;
    private static final Pattern AFTER_GC = Pattern.compile("->(\\d+)M\\(");

    @TempDir
    Path tmp;

    /**
     * Where the crawl saves: memory (/dev/shm) when the machine has it. The site's 200,000 pages are
     * files of one directory, and this machine's ext4 makes each new name in a directory that large
     * cost more (200,000 files made and renamed by a Python loop: 55 s, the last quarter 24 s of it):
     * that is the disk's time, not what this test measures.
     */
    @TempDir(factory = ShmTempDirs.class)
    Path out;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // a crawl of the size the promise is about: longer than a unit test
    void twoHundredThousandPagesIn256MibOfHeap() throws Exception {
        try (CrawlerProcess.Served server = CrawlerProcess.serve()) {
            Path gcLog = tmp.resolve("gc.log");
            Path report = tmp.resolve("report.json");
            // images, broken links and redirects left out: 200,000 requests, each a page read for links
            List<String> command = CrawlerProcess.command(List.of("-Xmx256m", "-Xlog:gc:file=" + gcLog), List.of("crawl", "-q",
                    "-l", "0", "-c", "32", "--per-host", "32", "--reject", "png", "--exclude", "/missing/|/moved/", "-o",
                    out.toString(), "--report", report.toString(),
                    server.base().resolve("/site/200000x10/").toString()));
            CrawlerProcess.Ran ran = CrawlerProcess.run(command, tmp.resolve("err"), 600);
            assertThat(ran.exitCode()).as(ran.err()).isZero();
            JsonNode summary = new ObjectMapper().readTree(report.toFile()).get("summary");
            // 200,000 pages less the 11,110 under page 11, which robots.txt disallows, and the extras
            assertThat(summary.get("ok").asLong()).isGreaterThan(188_900);
            assertThat(summary.get("excluded").asLong()).as("the images, broken links and redirects, each once")
                    .isGreaterThan(260_000);
            int maxLive = 0;
            int collections = 0;
            Matcher m = AFTER_GC.matcher(Files.readString(gcLog));
            while (m.find()) {
                maxLive = Math.max(maxLive, Integer.parseInt(m.group(1)));
                collections++;
            }
            assertThat(collections).as("the heap filled and was collected, more than once").isGreaterThan(5);
            assertThat(maxLive).as("MiB live after a collection, at most").isLessThan(MAX_LIVE_MIB);
        }
    }
}
