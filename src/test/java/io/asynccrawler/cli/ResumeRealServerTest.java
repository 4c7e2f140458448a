package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.asynccrawler.testing.LocalServers;
import io.asynccrawler.testing.Lighttpd;
import io.asynccrawler.testing.Tree;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * --resume against Debian's lighttpd, which, as Apache 2.4, answers a Range past a whole file with
 * a 416 that has no Content-Range: a part that is already whole was downloaded again in full.
 */
class ResumeRealServerTest extends FetchTestBase {
    @Test
    void aWholePartIsConfirmedByItsLastByteNotFetchedAgain() throws Exception {
        assumeTrue(Lighttpd.installed(), "Debian's lighttpd is not installed (.ci/run installs it)");
        Path root = Files.createDirectories(tmp.resolve("www"));
        byte[] body = new byte[300_000];
        new Random(3).nextBytes(body);
        Files.write(root.resolve("f.bin"), body);
        LocalServers.readableByAll(tmp, root, root.resolve("f.bin"));
        try (Lighttpd server = Lighttpd.serve(root, Files.createDirectories(tmp.resolve("lighttpd")))) {
            String url = server.base().resolve("f.bin").toString();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<Void> past = http.send(HttpRequest.newBuilder(server.base().resolve("f.bin"))
                    .header("Range", "bytes=300000-").build(), HttpResponse.BodyHandlers.discarding());
            assertThat(past.statusCode()).isEqualTo(416);
            assertThat(past.headers().firstValue("content-range")).as("the answer this is about").isEmpty();
            String etag = http.send(HttpRequest.newBuilder(server.base().resolve("f.bin")).method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.discarding()).headers().firstValue("etag").orElseThrow();

            Files.createDirectories(out());
            Files.write(out().resolve("f.bin.part"), body); // whole, as a run killed after its last write leaves it
            Files.writeString(out().resolve("f.bin.part.meta"), "url: " + url + "\netag: " + etag + "\nlength: 300000\n");
            Cli cli = fetch("--resume", list(url + " f.bin").toString());
            assertThat(cli.exitCode).as(cli.err).isZero();
            JsonNode r = results().get(url);
            assertThat(r.get("status").asInt()).isEqualTo(206);
            assertThat(r.get("resumedFrom").asLong()).as("only the last byte asked again").isEqualTo(299_999);
            assertThat(Files.readAllBytes(out().resolve("f.bin"))).isEqualTo(body);
            assertThat(Tree.files(out())).containsExactly("f.bin");
        }
    }
}
