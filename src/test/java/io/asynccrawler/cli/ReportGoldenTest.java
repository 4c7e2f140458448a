package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a user sees of a mixed list, pinned: the report's fields and reason words, the exit code,
 * the files saved and the error lines, compared with a checked-in copy apart from times and the
 * server's port. A change of behaviour shows here first. To record the copies anew (only when a
 * change of the output is meant): {@code mvn test -Dtest=ReportGoldenTest -Dgolden.write=DIR}.
 */
class ReportGoldenTest extends FetchTestBase {
    /** Result and summary fields that are times, or rates made of them: they differ from run to run. */
    private static final List<String> TIMED = List.of("startedAt", "ttfbMs", "totalMs", "wallSeconds",
            "requestsPerSecond", "mibPerSecond", "latencyMs");

    private String[] lines() {
        return new String[] {
            "# a mixed list: saved, redirected, refused, broken, bad lines and a duplicate",
            base + "/bytes/100",
            base + "/bytes/100",
            base + "/bytes/2048?gzip=1",
            base + "/bytes/10  named/ten.bin",
            base + "/redirect/2",
            base + "/redirect-loop",
            base + "/redirect-to?url=ftp://example.org/x",
            base + "/status/404",
            base + "/status/503",
            base + "/fault/truncate?n=1000",
            base + "/fault/reset",
            "http://127.0.0.1:1/refused",
            "ftp://example.org/file",
            "http://127.0.0.1:99999/port",
            "http:///no-host",
            base + "/a/./b/../c",
        };
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"async", "sync"})
    void aMixedListGivesTheReportFilesAndLinesItAlwaysGave(String mode) throws IOException {
        Path list = list(lines());
        Cli cli = Cli.run(fetchArgs(mode, null, "-o", out().toString(), "--report", report().toString(),
                "--retries", "0", "-c", "4", list.toString()));
        ObjectNode seen = new ObjectMapper().createObjectNode();
        seen.put("exitCode", cli.exitCode);
        seen.set("results", sortedResults(list));
        seen.set("summary", withoutTimes(new ObjectMapper().readTree(report().toFile()).get("summary"), list));
        ArrayNode files = seen.putArray("files");
        try (Stream<Path> walk = Files.walk(out())) {
            walk.filter(Files::isRegularFile).map(p -> normal(out().relativize(p).toString(), list)).sorted()
                    .forEach(files::add);
        }
        ArrayNode err = seen.putArray("stderr");
        cli.err.lines().map(l -> normal(l, list)).sorted().forEach(err::add);
        String actual = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(seen) + "\n";

        String name = "report-golden-" + mode + ".json";
        String dir = System.getProperty("golden.write");
        if (dir != null) {
            Files.writeString(Path.of(dir).resolve(name), actual);
        }
        try (InputStream golden = getClass().getResourceAsStream("/io/asynccrawler/golden/" + name)) {
            assertThat(golden).as(name).isNotNull();
            assertThat(actual).isEqualTo(new String(golden.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private ArrayNode sortedResults(Path list) throws IOException {
        List<JsonNode> results = new ArrayList<>();
        new ObjectMapper().readTree(report().toFile()).get("results").forEach(r -> results.add(withoutTimes(r, list)));
        results.sort(Comparator.comparing(r -> r.get("url").asText()));
        ArrayNode sorted = new ObjectMapper().createArrayNode();
        results.forEach(sorted::add);
        return sorted;
    }

    private JsonNode withoutTimes(JsonNode node, Path list) {
        ObjectNode copy = new ObjectMapper().createObjectNode();
        node.fields().forEachRemaining(f -> {
            if (!TIMED.contains(f.getKey())) {
                copy.set(f.getKey(), f.getValue().isTextual()
                        ? copy.textNode(normal(f.getValue().asText(), list)) : f.getValue());
            }
        });
        return copy;
    }

    /**
     * {@code text} with what changes from run to run as words: the server's address (in URLs and in
     * the directory named after it), the list's path, and the times of the one-line summary.
     */
    private String normal(String text, Path list) {
        String port = base.substring(base.lastIndexOf(':') + 1);
        return text.replace(base, "BASE").replace(list.toString(), "LIST").replace("127.0.0.1_" + port, "SERVER_DIR")
                .replaceFirst("^(ok \\d+, skipped \\d+, failed \\d+: [0-9.]+ \\S+) in .*$", "$1 in TIME");
    }
}
