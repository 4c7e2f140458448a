package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.asynccrawler.testing.LocalServers;
import io.asynccrawler.testing.Nginx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * -N against Debian's nginx (Last-Modified and ETag of its own): the second run asks with
 * If-Modified-Since and If-None-Match and moves no body for a file that did not change; a changed
 * one replaces the saved file, whose time is the server's.
 */
class TimestampingTest {
    @TempDir
    Path tmp;

    String mode() {
        return "async";
    }

    private JsonNode run(Nginx nginx, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("fetch", "-q", "--mode", mode(), "-o", tmp.resolve("out").toString(),
                "--report", tmp.resolve("report.json").toString()));
        args.addAll(List.of(more));
        args.add(nginx.base().resolve("a.txt").toString());
        Cli cli = Cli.run(args.toArray(String[]::new));
        assertThat(cli.exitCode).as(cli.err).isZero();
        return new ObjectMapper().readTree(tmp.resolve("report.json").toFile()).get("results").get(0);
    }

    @Test
    void anUnchangedFileMovesNoBodyAndAChangedOneReplacesIt() throws Exception {
        assumeTrue(Nginx.installed(), "nginx is not installed (apt-get install nginx-light)");
        Path site = Files.createDirectories(tmp.resolve("site"));
        Path served = Files.writeString(site.resolve("a.txt"), "first version\n");
        Instant then = Instant.parse("2024-03-01T10:00:00Z");
        Files.setLastModifiedTime(served, FileTime.from(then));
        LocalServers.readableByAll(tmp, site, served);
        try (Nginx nginx = Nginx.serve(site, Files.createDirectories(tmp.resolve("nginx")))) {
            Path saved = tmp.resolve("out/127.0.0.1_" + nginx.base().getPort() + "/a.txt");
            JsonNode first = run(nginx, "-N");
            assertThat(first.get("outcome").asText()).isEqualTo("ok");
            assertThat(Files.getLastModifiedTime(saved).toInstant()).as("the server's Last-Modified").isEqualTo(then);

            JsonNode again = run(nginx, "-N");
            assertThat(again.get("outcome").asText()).as(again.toString()).isEqualTo("skipped");
            assertThat(again.get("reason").asText()).isEqualTo("not_modified");
            assertThat(again.get("status").asInt()).isEqualTo(304);
            assertThat(Files.readAllLines(tmp.resolve("nginx/access.log"))).last().asString().contains("\" 304 0 ");

            // Same time, another length: only the ETag (nginx's is time and length) tells, and If-None-Match wins
            Files.writeString(served, "second, longer version\n");
            Files.setLastModifiedTime(served, FileTime.from(then));
            JsonNode changed = run(nginx, "-N");
            assertThat(changed.get("outcome").asText()).as(changed.toString()).isEqualTo("ok");
            assertThat(Files.readString(saved)).isEqualTo("second, longer version\n");

            Instant later = Instant.parse("2025-06-01T08:30:00Z");
            Files.setLastModifiedTime(served, FileTime.from(later));
            assertThat(run(nginx, "-N").get("outcome").asText()).isEqualTo("ok");
            assertThat(Files.getLastModifiedTime(saved).toInstant()).isEqualTo(later);
            assertThat(run(nginx).get("outcome").asText()).as("without -N: skipped unasked").isEqualTo("skipped");
            assertThat(Files.readAllLines(tmp.resolve("nginx/access.log"))).hasSize(4);
        }
    }
}
