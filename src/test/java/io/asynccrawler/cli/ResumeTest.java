package io.asynccrawler.cli;

import static io.asynccrawler.cli.FetchFailuresTest.assertOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.asynccrawler.server.DeterministicBytes;
import io.asynccrawler.testing.ScriptedServer;
import io.asynccrawler.testing.ScriptedServer.Script;
import io.asynccrawler.testing.Tree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** --resume: part files kept on failure and continued with Range + If-Range, never stitched to a changed body. */
class ResumeTest extends FetchTestBase {
    private static final String TRUNCATED = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\nETag: \"v1\"\r\n\r\n01234";

    ScriptedServer scripted;

    @BeforeEach
    void startScripted() throws IOException {
        scripted = new ScriptedServer();
    }

    @AfterEach
    void stopScripted() throws IOException {
        scripted.close();
    }

    private Path saved() {
        return out().resolve("f.bin");
    }

    @Test
    void aStalledDownloadIsKeptAndTheNextRunFetchesOnlyTheRest() throws Exception {
        String url = base + "/bytes/300000?seed=7&stall_at=100000";
        Path list = list(url + " f.bin");
        Cli first = fetch("--resume", "--retries", "0", "--read-timeout", "1s", list.toString());
        assertThat(first.exitCode).isEqualTo(1);
        assertOutcome(results().get(url), "failed", "read_timeout", "no data for 1s");
        assertThat(Tree.files(out())).containsExactly("f.bin.part", "f.bin.part.meta");
        assertThat(Files.size(out().resolve("f.bin.part"))).isEqualTo(100_000);
        assertThat(Files.readString(out().resolve("f.bin.part.meta"))).contains("etag: \"b7-300000\"", "length: 300000");

        Cli second = fetch("--resume", list.toString());
        assertThat(second.exitCode).as(second.err).isZero();
        JsonNode r = results().get(url);
        assertThat(r.get("resumedFrom").asLong()).isEqualTo(100_000);
        assertThat(r.get("bytes").asLong()).isEqualTo(300_000);
        assertThat(r.get("status").asInt()).isEqualTo(206);
        assertThat(Files.readAllBytes(saved())).isEqualTo(DeterministicBytes.bytes(7, 0, 300_000));
        assertThat(Tree.files(out())).containsExactly("f.bin");
    }

    /**
     * A run that forgot --resume never throws an earlier run's part away unasked: it says so and
     * leaves it; --resume then continues it; --overwrite starts over, and no .part.meta outlives
     * the file it described.
     */
    @Test
    void aPartFoundWithoutResumeIsLeftAndSaidAndNoMetaOutlivesItsFile() throws Exception {
        String url = base + "/bytes/300000?seed=7&stall_at=100000";
        Path list = list(url + " f.bin");
        assertThat(fetch("--resume", "--retries", "0", "--read-timeout", "1s", list.toString()).exitCode).isEqualTo(1);
        assertThat(Files.size(out().resolve("f.bin.part"))).isEqualTo(100_000);

        Cli forgot = fetch(list.toString());
        assertThat(forgot.exitCode).isEqualTo(1);
        assertThat(forgot.err).contains(url + ": f.bin.part holds 100000 bytes of an earlier download: add --resume to continue it");
        assertOutcome(results().get(url), "failed", "part_left", "add --resume");
        assertThat(Tree.files(out())).containsExactly("f.bin.part", "f.bin.part.meta");
        assertThat(Files.size(out().resolve("f.bin.part"))).as("untouched").isEqualTo(100_000);

        Cli over = fetch("--overwrite", list(base + "/bytes/300000?seed=7 f.bin").toString());
        assertThat(over.exitCode).as(over.err).isZero();
        assertThat(Tree.files(out())).as("the finished file, without the meta of the part it replaced").containsExactly("f.bin");
    }

    @Test
    void withoutResumeAFailedDownloadLeavesNothing() throws Exception {
        Cli cli = fetch("--retries", "0", "--read-timeout", "1s", list(base + "/bytes/300000?seed=7&stall_at=100000 f.bin").toString());
        assertThat(cli.exitCode).isEqualTo(1);
        assertThat(Tree.files(out())).isEmpty();
    }

    @Test
    void aRetryInTheSameRunContinuesWhereTheLastAttemptStopped() throws Exception {
        scripted.on("/f", Script.reply(TRUNCATED).close(),
                Script.reply("HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 5-9/10\r\nContent-Length: 5\r\nETag: \"v1\"\r\n\r\n56789"));
        String url = scripted.base() + "/f";
        Cli cli = fetch("--resume", "--retries", "1", list(url + " f.bin").toString());
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(Files.readString(saved())).isEqualTo("0123456789");
        JsonNode r = results().get(url);
        assertThat(r.get("attempts").asInt()).isEqualTo(2);
        assertThat(r.get("resumedFrom").asInt()).isEqualTo(5);
        String second = scripted.requests().get(1);
        assertThat(second).contains("Range: bytes=5-\r\n", "If-Range: \"v1\"\r\n").doesNotContain("Accept-Encoding");
        assertThat(Tree.files(out())).containsExactly("f.bin");
    }

    @Test
    void aServerIgnoringRangeRestartsTheDownloadFromZero() throws Exception {
        scripted.on("/f", Script.reply(TRUNCATED).close(),
                Script.reply("HTTP/1.1 200 OK\r\nContent-Length: 10\r\nETag: \"v2\"\r\n\r\nABCDEFGHIJ"));
        String url = scripted.base() + "/f";
        Cli cli = fetch("--resume", "--retries", "1", list(url + " f.bin").toString());
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(Files.readString(saved())).isEqualTo("ABCDEFGHIJ");
        assertThat(results().get(url).get("resumedFrom").asInt()).isZero();
        assertThat(Tree.files(out())).containsExactly("f.bin");
    }

    @Test
    void aContentRangeThatDoesNotContinueThePartIsRefused() throws Exception {
        scripted.on("/f", Script.reply(TRUNCATED).close(),
                Script.reply("HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 3-9/10\r\nContent-Length: 7\r\n\r\n3456789"));
        String url = scripted.base() + "/f";
        Cli cli = fetch("--resume", "--retries", "1", list(url + " f.bin").toString());
        assertThat(cli.exitCode).isEqualTo(1);
        assertOutcome(results().get(url), "failed", "range_mismatch", "Content-Range bytes 3-9/10 does not continue the 5 bytes saved of 10");
        assertThat(Tree.files(out())).as("the part that cannot be continued is gone too").isEmpty();
    }

    @Test
    void aChangedBodyIsSentWholeAndNeverStitched() throws Exception {
        // A part and meta from an older version of the body: the server's If-Range check fails, it answers 200.
        String url = base + "/bytes/1000?seed=4";
        plantPart(url, Arrays.copyOf(DeterministicBytes.bytes(99, 0, 1000), 400), "\"an-older-version\"", 1000);
        Cli cli = fetch("--resume", list(url + " f.bin").toString());
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(Files.readAllBytes(saved())).isEqualTo(DeterministicBytes.bytes(4, 0, 1000));
        assertThat(results().get(url).get("resumedFrom").asInt()).isZero();
        assertThat(results().get(url).get("status").asInt()).isEqualTo(200);
    }

    @Test
    void aPartThatIsAlreadyCompleteIsPublishedOnA416() throws Exception {
        String url = base + "/bytes/1000?seed=4";
        plantPart(url, DeterministicBytes.bytes(4, 0, 1000), "\"b4-1000\"", 1000);
        Cli cli = fetch("--resume", list(url + " f.bin").toString());
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(Files.readAllBytes(saved())).isEqualTo(DeterministicBytes.bytes(4, 0, 1000));
        assertThat(results().get(url).get("resumedFrom").asInt()).isEqualTo(1000);
        assertThat(Tree.files(out())).containsExactly("f.bin");
    }

    @Test
    void aPartWithoutMetaOrForAnotherUrlStartsOver() throws Exception {
        String url = base + "/bytes/1000?seed=4";
        Files.createDirectories(out());
        Files.write(out().resolve("f.bin.part"), new byte[600]);
        Cli cli = fetch("--resume", list(url + " f.bin").toString());
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(Files.readAllBytes(saved())).isEqualTo(DeterministicBytes.bytes(4, 0, 1000));

        plantPart(base + "/bytes/1000?seed=5", new byte[600], "\"b4-1000\"", 1000);
        cli = fetch("--resume", "--overwrite", list(url + " f.bin").toString());
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(Files.readAllBytes(saved())).isEqualTo(DeterministicBytes.bytes(4, 0, 1000));
        assertThat(results().get(url).get("resumedFrom").asInt()).isZero();
    }

    @Test
    void aSymlinkPlantedAsThePartFileIsNeverWrittenThrough() throws Exception {
        String url = base + "/bytes/1000?seed=4";
        Path victim = Files.write(tmp.resolve("victim"), new byte[400]);
        Files.createDirectories(out());
        Files.createSymbolicLink(out().resolve("f.bin.part"), victim);
        Files.writeString(out().resolve("f.bin.part.meta"), "url: " + url + "\netag: \"b4-1000\"\nlength: 1000\n");
        Cli cli = fetch("--resume", list(url + " f.bin").toString());
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(Files.readAllBytes(saved())).isEqualTo(DeterministicBytes.bytes(4, 0, 1000));
        assertThat(Files.readAllBytes(victim)).isEqualTo(new byte[400]);
        assertThat(Tree.files(out())).containsExactly("f.bin");
    }

    private void plantPart(String url, byte[] bytes, String etag, long length) throws IOException {
        Files.createDirectories(out());
        Files.write(out().resolve("f.bin.part"), bytes);
        Files.writeString(out().resolve("f.bin.part.meta"), "url: " + url + "\netag: " + etag + "\nlength: " + length + "\n");
    }
}
