package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.asynccrawler.server.DeterministicBytes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * br and zstd end to end: asked for, decoded to the bytes the server encoded, stacked codings
 * undone, and a brotli or zstd bomb stopped by --max-size with nothing left that looks complete.
 */
class ContentCodingsTest extends FetchTestBase {
    private static final int SIZE = 300_000;

    @Test
    void brZstdAndStackedCodingsAreSavedDecoded() throws Exception {
        String[] codings = {"br", "zstd", "gzip,br", "br,zstd", "gzip,zstd,br"};
        String[] urls = new String[codings.length];
        for (int i = 0; i < codings.length; i++) {
            urls[i] = base + "/encoded/" + SIZE + "?seed=" + i + "&coding=" + codings[i];
        }
        Cli cli = fetch(urls);
        assertThat(cli.exitCode).as(cli.err).isZero();
        Map<String, JsonNode> results = results();
        for (int i = 0; i < codings.length; i++) {
            JsonNode r = results.get(urls[i]);
            assertThat(r.get("outcome").asText()).as(codings[i] + ": " + r).isEqualTo("ok");
            assertThat(r.get("bytes").asLong()).isEqualTo(SIZE);
            assertThat(Files.readAllBytes(out().resolve(r.get("file").asText()))).as(codings[i])
                    .isEqualTo(DeterministicBytes.bytes(i, 0, SIZE));
        }
    }

    @Test
    void everyCodingThatDecodesHereIsAskedFor() throws Exception {
        String url = base + "/headers";
        Cli cli = fetch(url);
        assertThat(cli.exitCode).as(cli.err).isZero();
        String sent = Files.readString(out().resolve(results().get(url).get("file").asText()));
        assertThat(sent).contains("\"accept-encoding\": [\"gzip, deflate, br, zstd\"]");
    }

    @Test
    void aBombOfTwentyMebibytesStopsAtMaxSize() throws Exception {
        for (String coding : new String[] {"br", "zstd"}) {
            String url = base + "/encoded/" + (20 << 20) + "?zeros=1&coding=" + coding;
            Cli cli = fetch("--max-size", "1m", "--overwrite", url);
            assertThat(cli.exitCode).as(cli.err).isEqualTo(1);
            JsonNode r = results().get(url);
            assertThat(r.get("reason").asText()).as(coding + " " + r).isEqualTo("too_large");
            try (var files = Files.walk(out())) {
                assertThat(files.filter(Files::isRegularFile).map(Path::toString)).as("nothing saved of " + coding).isEmpty();
            }
        }
    }
}
