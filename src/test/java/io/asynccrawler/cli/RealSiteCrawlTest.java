package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.asynccrawler.testing.LocalServers;
import io.asynccrawler.testing.Nginx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real site nobody here wrote: Python's documentation from Debian's {@code python3.11-doc} (530
 * pages, 67 MB) served by nginx, crawled whole by {@code crawler crawl} and by wget2 at the same
 * concurrency; both must save the same files, byte for byte the site's own. CI installs the three
 * from Debian (.ci/run); a machine without them skips this test, saying which is missing.
 */
class RealSiteCrawlTest {
    private static final Path DOCS = Path.of("/usr/share/doc/python3.11/html");
    private static final Path WGET2 = Path.of("/usr/bin/wget2");

    @TempDir
    Path tmp;

    @Test
    void thePythonDocsAreCrawledAsWget2CrawlsThemAndEveryFileIsTheSites() throws Exception {
        assumeTrue(Nginx.installed(), "nginx is not installed (apt-get install nginx-light)");
        assumeTrue(Files.isExecutable(WGET2), "wget2 is not installed (apt-get install wget2)");
        assumeTrue(Files.isRegularFile(DOCS.resolve("index.html")), "python3.11-doc is not installed");
        try (Nginx nginx = Nginx.serve(DOCS, Files.createDirectories(tmp.resolve("nginx")))) {
            URI seed = nginx.base().resolve("index.html");
            Path ours = tmp.resolve("crawler");
            Path report = tmp.resolve("report.json");
            Cli cli = Cli.run("crawl", "-q", "-l", "0", "--no-parent", "-c", "8", "--per-host", "8", "-o", ours.toString(),
                    "--report", report.toString(), seed.toString());
            Path theirs = tmp.resolve("wget2");
            Process wget2 = new ProcessBuilder(WGET2.toString(), "-q", "-r", "-l", "0", "--no-parent", "--max-threads", "8",
                    "-P", theirs.toString(), seed.toString()).redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("wget2.log").toFile()).start();
            assertThat(wget2.waitFor(120, TimeUnit.SECONDS)).as("wget2 ends").isTrue();

            Map<String, Path> saved = files(ours.resolve("127.0.0.1_" + seed.getPort()));
            Map<String, Path> wget2Saved = new TreeMap<>();
            // wget2 names a directory by the host alone, and keeps '?' in a name where we write '@'
            files(theirs.resolve("127.0.0.1")).forEach((name, file) -> wget2Saved.put(name.replace('?', '@'), file));
            assertThat(saved.keySet()).as(cli.err).isEqualTo(wget2Saved.keySet());
            assertThat(saved).hasSizeGreaterThan(500);
            for (Map.Entry<String, Path> e : saved.entrySet()) {
                String onSite = e.getKey().replaceFirst("@.*$", ""); // style.css?2022.1 is style.css to nginx
                assertThat(Files.mismatch(e.getValue(), DOCS.resolve(onSite))).as(e.getKey()).isEqualTo(-1L);
            }
            // Every URL that failed is a link to a file the package does not hold (wget2 exits 8 for them too)
            JsonNode results = new ObjectMapper().readTree(report.toFile()).get("results");
            List<String> failed = new ArrayList<>();
            for (JsonNode r : results) {
                if (r.get("outcome").asText().equals("failed")) {
                    failed.add(r.get("url").asText());
                    assertThat(r.get("status").asInt()).as(r.toString()).isEqualTo(404);
                    assertThat(DOCS.resolve(URI.create(r.get("url").asText()).getPath().substring(1))).doesNotExist();
                }
            }
            assertThat(cli.exitCode).as(cli.err).isEqualTo(failed.isEmpty() ? 0 : 1);
            assertThat(wget2.exitValue()).isEqualTo(failed.isEmpty() ? 0 : 8);
        }
    }

    /**
     * nginx answers {@code /list} with a redirect to {@code /list/} (its listing): the redirect saves
     * nothing, so it leaves the name {@code list} to the directory its listing and files go in.
     */
    @Test
    void aUrlRedirectedToItsDirectoryLeavesTheNameToTheDirectory() throws Exception {
        assumeTrue(Nginx.installed(), "nginx is not installed (apt-get install nginx-light)");
        Path site = Files.createDirectories(tmp.resolve("site/list"));
        Files.writeString(site.resolve("a.txt"), "a");
        Files.writeString(site.resolve("b.txt"), "b");
        LocalServers.readableByAll(tmp, site.getParent(), site, site.resolve("a.txt"), site.resolve("b.txt"));
        try (Nginx nginx = Nginx.serve(site.getParent(), Files.createDirectories(tmp.resolve("nginx")), "autoindex on;")) {
            URI seed = nginx.base().resolve("list");
            Path ours = tmp.resolve("crawler");
            Cli cli = Cli.run("crawl", "-q", "-o", ours.toString(), seed.toString());

            assertThat(cli.exitCode).as(cli.err).isZero();
            assertThat(files(ours.resolve("127.0.0.1_" + seed.getPort())).keySet())
                    .containsExactly("index.html", "list/a.txt", "list/b.txt", "list/index.html"); // / from the listing's ../
        }
    }

    /** The regular files under {@code root} by their '/'-separated relative names, the crawl state left out. */
    private static Map<String, Path> files(Path root) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).filter(p -> !root.relativize(p).startsWith(CrawlCommand.STATE_DIR))
                    .forEach(p -> files.put(root.relativize(p).toString(), p));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return files;
    }
}
