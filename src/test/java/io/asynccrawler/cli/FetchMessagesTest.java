package io.asynccrawler.cli;

import static io.asynccrawler.cli.FetchCommandTest.hostDir;
import static org.assertj.core.api.Assertions.assertThat;

import io.asynccrawler.testing.Tree;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What fetch says to a person: silence with -q, one line for a missing list, errors that tell why. */
class FetchMessagesTest extends FetchTestBase {
    /** -q as curl -s: a run that went well says nothing at all; one with a failure says it and the count. */
    @Test
    void quietSaysNothingUnlessSomethingFailed() throws Exception {
        Cli ok = Cli.run("fetch", "-q", "-o", out().toString(), base + "/bytes/10?n=1");
        assertThat(ok.exitCode).isZero();
        assertThat(ok.err).isEmpty();
        assertThat(ok.out).isEmpty();
        Cli failed = Cli.run("fetch", "-q", "--retries", "0", "-o", out().toString(), base + "/bytes/10?n=2", base + "/status/404");
        assertThat(failed.exitCode).isEqualTo(1);
        assertThat(failed.err.lines().toList()).containsExactly(base + "/status/404: HTTP 404 Not Found",
                failed.err.lines().toList().get(1));
        assertThat(failed.err.lines().toList().get(1)).startsWith("ok 1, skipped 0, failed 1:");
    }

    /** A missing list is the user's mistake: one line, exit 2, and nothing fetched, not even the good URL beside it. */
    @Test
    void aMissingListIsOneUsageLineAndNothingStarts() throws Exception {
        Path missing = tmp.resolve("missing.txt");
        Cli cli = Cli.run("fetch", "-o", out().toString(), base + "/bytes/5", missing.toString());
        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err.lines().toList()).containsExactly("fetch: no such file, and not a URL: " + missing);
        assertThat(cli.out).isEmpty();
        assertThat(Files.exists(out())).as("no output directory made").isFalse();
        Cli directory = Cli.run("fetch", "-o", out().toString(), tmp.toString());
        assertThat(directory.exitCode).isEqualTo(2);
        assertThat(directory.err).startsWith("fetch: " + tmp + " is a directory, not a list of URLs");
    }

    /** A URL pasted with a raw space is a URL and an output name: when it fails, its error says so. */
    @Test
    void aFailureSaysWhenTheSecondColumnWasTakenAsTheName() throws Exception {
        Cli cli = fetch("--retries", "0", list(base + "/status/404 report.pdf").toString());
        assertThat(cli.exitCode).isEqualTo(1);
        assertThat(cli.err).contains(base + "/status/404: HTTP 404 Not Found (the line's second column, 'report.pdf',"
                + " was taken as the output name; a space in a URL is written %20)");
        assertThat(results().get(base + "/status/404").get("error").asText()).contains("second column, 'report.pdf'");

        Cli down = fetch("--retries", "0", list(base + "/status/503 busy.pdf", "http://127.0.0.1:9/x named.bin").toString());
        assertThat(down.exitCode).isEqualTo(1);
        assertThat(down.err).as("a 5xx or a refused connection is no sign of a cut URL").doesNotContain("second column")
                .contains(base + "/status/503: HTTP 503");
    }

    /** A fragment holding another '#' is dropped from the first, as curl and browsers do; the URL is fetched. */
    @Test
    void aFragmentHoldingAnotherHashIsDropped() throws Exception {
        Cli cli = fetch(base + "/bytes/5?seed=5#a#b");
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(Tree.files(out())).containsExactly(hostDir() + "/bytes/5@seed=5");
    }

}
