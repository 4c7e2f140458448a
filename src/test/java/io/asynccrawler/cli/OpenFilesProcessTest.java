package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.asynccrawler.cli.process.OpenFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A process allowed fewer open files than -c needs (ulimit -n 200, -c 300) runs fewer requests at
 * once and says so, and every URL succeeds: it used to fail most of them with "Too many open files"
 * in Netty's or the JDK's words.
 */
class OpenFilesProcessTest extends FetchTestBase {
    @ParameterizedTest
    @ValueSource(strings = {"async", "threads"})
    void aLowOpenFileLimitLowersTheConcurrencyAndEveryUrlSucceeds(String mode) throws Exception {
        String[] urls = new String[300];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = base + "/delay/100?n=" + i;
        }
        List<String> command = new ArrayList<>(List.of("sh", "-c", "ulimit -n 200 && exec \"$0\" \"$@\""));
        command.addAll(CrawlerProcess.command(List.of(), List.of("fetch", "--mode", mode, "-c", "300", "--retries", "0",
                "-o", out().toString(), "--report", report().toString(), list(urls).toString())));
        server.connections().resetPeak();
        CrawlerProcess.Ran ran = CrawlerProcess.run(command, tmp.resolve("stderr.txt"));
        String err = ran.err();
        assertThat(ran.exitCode()).as(err).isZero();
        Matcher note = Pattern.compile("crawler: " + mode + ": -c 300 needs about \\d+ open files, and this process may open 200 "
                + "\\(ulimit -n\\): (\\d+) requests in flight at most").matcher(err);
        assertThat(note.find()).as(err).isTrue();
        int inFlight = Integer.parseInt(note.group(1));
        assertThat(inFlight).isBetween(10, 100);
        // in flight, and idle ones (HttpURLConnection closes the ones past its cache as new ones open)
        assertThat(server.connections().peak()).as("connections at once").isLessThanOrEqualTo(inFlight + OpenFiles.IDLE_MIN);
        JsonNode summary = new ObjectMapper().readTree(report().toFile()).get("summary");
        assertThat(summary.get("ok").asInt()).isEqualTo(300);
    }

    @Test
    void aLimitThatHoldsTheJobSaysNothing() throws Exception {
        Cli cli = fetch("-c", "8", base + "/bytes/10");
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(cli.err).doesNotContain("open files");
    }
}
