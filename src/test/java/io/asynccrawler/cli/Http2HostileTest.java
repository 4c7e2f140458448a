package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.asynccrawler.server.DeterministicBytes;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The hostile table's HTTP/2 column: each case of {@link HostileCases} that HTTP/2 can express,
 * by the same name, as {@code crawler serve} sends it over h2c, all at once on one connection
 * beside good transfers. The server runs as a process of its own, and the sizes stay small: under
 * the paranoid leak detector (which records every buffer access) an event loop took seconds to
 * encode or decode a 340 KB header, or to pass 1 MiB of DATA, and every stream of the connection
 * waited that long; the oversized header list runs alone. Each ends as HTTP/2 makes it (a cut body is a reset stream, not a closed
 * connection; DATA short of the content-length is malformed, not truncated), with no file that
 * looks complete, and the others are whole. The cases of HTTP/1.1's framing (chunk sizes, bare
 * LF, leftover bytes, HTTP/0.9, conflicting lengths) have no HTTP/2 form: HPACK and DATA frames
 * carry no such text.
 */
class Http2HostileTest extends FetchTestBase {
    private static final int SIZE = 20_000;

    /** A case of the column: its name in {@link HostileCases}, the path that plays it, the outcome and reason over h2, a part of its error. */
    private record H2Case(String name, String path, String outcome, String reason, String errorPart) {
    }

    private static List<H2Case> cases() {
        return List.of(
                new H2Case("plain", "/bytes/10?seed=7", "ok", null, null),
                new H2Case("gzip_body", "/bytes/5000?gzip=1&seed=8", "ok", null, null),
                new H2Case("gzip_empty_body", "/encoded/0?coding=gzip", "ok", null, null),
                new H2Case("header_of_70_kb", "/h2/header/70000", "ok", null, null),
                new H2Case("short_content_length", "/fault/short?n=100000", "failed", "bad_response", "content-length"),
                new H2Case("chunk_cut_mid_data", "/fault/truncate?n=100000", "failed", "stream_reset", "stream reset"),
                new H2Case("reset_mid_body", "/fault/reset", "failed", "stream_reset", "stream reset"),
                new H2Case("silent_server", "/fault/hang", "failed", "read_timeout", "no data for 3s"),
                new H2Case("silent_after_head", "/bytes/50000?stall_at=1000", "failed", "read_timeout", "no data for 3s"),
                new H2Case("one_byte_drip_against_deadline", "/drip?bytes=1000&ms=100", "failed", "deadline", "deadline of 5s exceeded"),
                new H2Case("huge_retry_after_not_waited_for", "/status/503?retry_after=86400", "failed", "http_503", "Retry-After"),
                new H2Case("decompression_bomb", "/encoded/20000000?coding=gzip&zeros=1", "failed", "too_large", "--max-size 102400"),
                new H2Case("announced_length_over_max_size", "/bytes/200000", "failed", "too_large", "--max-size 102400"),
                new H2Case("redirect_to_itself", "/redirect-loop", "failed", "redirect_loop", "redirect loop"),
                new H2Case("redirect_to_file_url", "/redirect-to?url=file:///etc/passwd", "failed", "bad_redirect", "non-http(s)"),
                new H2Case("redirect_to_a_port_out_of_range", "/redirect-to?url=http://127.0.0.1:99999/x", "failed", "bad_redirect",
                        "port out of range"));
    }

    @Test
    void everyCaseThatHttp2CanExpressHoldsOverIt() throws Exception {
        try (CrawlerProcess.Served served = CrawlerProcess.serve()) {
            String base = served.base().toString().replaceAll("/$", "");
            everyCaseHolds(base);
        }
    }

    private void everyCaseHolds(String base) throws Exception {
        Map<String, H2Case> byUrl = new LinkedHashMap<>();
        for (H2Case c : cases()) {
            byUrl.put(base + c.path(), c);
        }
        assertThat(HostileCases.CASES.keySet()).as("the names of the HTTP/1.1 table")
                .containsAll(cases().stream().map(H2Case::name).toList());
        List<String> good = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            good.add(base + "/bytes/" + SIZE + "?seed=" + i);
        }
        List<String> urls = new ArrayList<>(good);
        urls.addAll(byUrl.keySet());
        // timeouts with room: a fresh server on a busy machine took up to a second to answer at all
        Cli cli = fetch("--http2-prior-knowledge", "--retries", "1", "--read-timeout", "3s", "--timeout", "5s", "--max-size", "100k",
                "-c", "64", list(urls.toArray(String[]::new)).toString());
        assertThat(cli.exitCode).as(cli.err).isEqualTo(1);
        Map<String, JsonNode> results = results();
        assertThat(results).hasSize(urls.size());
        results.forEach((u, r) -> System.out.println("DBG " + u.substring(base.length()) + " " + r.get("outcome").asText() + " " + r.get("reason").asText() + " " + r.get("attempts") + " " + r.get("totalMs") + " " + r.get("startedAt").asText().substring(17)));
        for (int i = 0; i < good.size(); i++) {
            JsonNode r = results.get(good.get(i));
            assertThat(r.get("outcome").asText()).as(r.toString()).isEqualTo("ok");
            assertThat(Files.readAllBytes(out().resolve(r.get("file").asText()))).isEqualTo(DeterministicBytes.bytes(i, 0, SIZE));
        }
        long files = good.size();
        for (Map.Entry<String, H2Case> e : byUrl.entrySet()) {
            H2Case c = e.getValue();
            JsonNode r = results.get(e.getKey());
            assertThat(r.get("outcome").asText()).as(c.name() + ": " + r).isEqualTo(c.outcome());
            if (c.reason() == null) {
                assertThat(r.get("protocol").asText()).as(c.name()).isEqualTo("h2");
                files++;
            } else {
                assertThat(r.get("reason").asText()).as(c.name() + ": " + r).isEqualTo(c.reason());
                assertThat(r.get("error").asText()).as(c.name()).contains(c.errorPart());
                assertThat(r.get("file").isNull()).as(c.name() + ": no file").isTrue();
            }
        }
        try (Stream<java.nio.file.Path> walk = Files.walk(out())) {
            assertThat(walk.filter(Files::isRegularFile).count()).as("the whole files alone, no part left").isEqualTo(files);
        }

        String oversized = base + "/h2/header/348160"; // oversized_header: past the 300 KiB cap
        Cli alone = fetch("--http2-prior-knowledge", "--retries", "0", oversized);
        assertThat(alone.exitCode).isEqualTo(1);
        JsonNode r = results().get(oversized);
        assertThat(r.get("reason").asText()).isEqualTo(HostileCases.CASES.get("oversized_header").reason);
        assertThat(r.get("error").asText()).contains("max allowed size");
        assertThat(r.get("file").isNull()).isTrue();
    }
}
