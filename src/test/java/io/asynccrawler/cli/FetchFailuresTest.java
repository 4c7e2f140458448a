package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.asynccrawler.testing.Tree;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One bad URL never stops the others: each ends as one result with the right reason, and no file that looks complete. */
class FetchFailuresTest extends FetchTestBase {
    @Test
    void aMixedListEndsWithOneCorrectResultPerUrl() throws Exception {
        String ok = base + "/bytes/1000?seed=1";
        String notFound = base + "/status/404";
        String reset = base + "/fault/reset";
        String truncated = base + "/fault/truncate?n=10000";
        String chain = base + "/redirect/3";
        String loop = base + "/redirect-loop";
        String hang = base + "/fault/hang";
        Cli cli = fetch("--retries", "0", "--read-timeout", "1s",
                list(ok, notFound, reset, truncated, chain, loop, hang).toString());
        assertThat(cli.exitCode).isEqualTo(1);
        Map<String, JsonNode> r = results();
        assertThat(r).hasSize(7);
        assertOutcome(r.get(ok), "ok", null, null);
        assertOutcome(r.get(notFound), "failed", "http_404", "HTTP 404 Not Found");
        assertOutcome(r.get(reset), "failed", "connection_reset", "connection reset");
        assertOutcome(r.get(truncated), "failed", "truncated", "body truncated");
        assertOutcome(r.get(chain), "ok", null, null);
        assertOutcome(r.get(loop), "failed", "redirect_loop", "redirect loop");
        assertOutcome(r.get(hang), "failed", "read_timeout", "no data for 1s");
        assertThat(Tree.files(out())).containsExactlyInAnyOrder(
                FetchCommandTest.hostDir() + "/bytes/1000@seed=1", FetchCommandTest.hostDir() + "/redirect/3");
        assertThat(cli.err).contains(notFound + ": HTTP 404 Not Found", hang + ": no data for 1s");
    }

    @Test
    void tooManyRedirectsStopAtTheLimit() throws Exception {
        fetch("--max-redirects", "2", base + "/redirect/3");
        assertOutcome(results().get(base + "/redirect/3"), "failed", "too_many_redirects", "more than 2 redirects");
        fetch("--max-redirects", "3", base + "/redirect/3");
        assertOutcome(results().get(base + "/redirect/3"), "ok", null, null);
    }

    @Test
    void redirectsToOtherSchemesOrWithoutLocationAreRefused() throws Exception {
        String file = base + "/redirect-to?url=file%3A%2F%2F%2Fetc%2Fpasswd";
        String ftp = base + "/redirect-to?url=ftp%3A%2F%2Fexample.invalid%2F";
        String noLocation = base + "/status/302";
        fetch(list(file, ftp, noLocation).toString());
        Map<String, JsonNode> r = results();
        assertOutcome(r.get(file), "failed", "bad_redirect", "non-http(s)");
        assertOutcome(r.get(ftp), "failed", "bad_redirect", "non-http(s)");
        assertOutcome(r.get(noLocation), "failed", "bad_redirect", "without a Location");
        assertThat(Tree.files(out())).isEmpty();
    }

    @Test
    void transientFailuresAreRetriedAndAttemptsRecorded() throws Exception {
        String flaky = base + "/flaky/2?key=" + System.nanoTime();
        String alwaysDown = base + "/status/503";
        Cli cli = fetch("--retries", "2", list(flaky, alwaysDown).toString());
        assertThat(cli.exitCode).isEqualTo(1);
        Map<String, JsonNode> r = results();
        assertOutcome(r.get(flaky), "ok", null, null);
        assertThat(r.get(flaky).get("attempts").asInt()).isEqualTo(3);
        assertOutcome(r.get(alwaysDown), "failed", "http_503", "HTTP 503");
        assertThat(r.get(alwaysDown).get("attempts").asInt()).isEqualTo(3);
    }

    @Test
    void retryAfterIsHonouredAndTooLongOnesAreNotWaitedFor() throws Exception {
        String soon = base + "/status/503?retry_after=1";
        long start = System.nanoTime();
        fetch("--retries", "1", soon);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(1000);
        assertThat(results().get(soon).get("attempts").asInt()).isEqualTo(2);

        String never = base + "/status/429?retry_after=3600";
        start = System.nanoTime();
        fetch("--retries", "3", "--timeout", "5s", never);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
        assertOutcome(results().get(never), "failed", "http_429", "Retry-After 1h is longer than the 5s we wait");
        assertThat(results().get(never).get("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void deadlineStopsASlowDrip() throws Exception {
        String drip = base + "/drip?bytes=100&ms=100";
        fetch("--retries", "0", "--timeout", "1s", "--read-timeout", "5s", drip);
        assertOutcome(results().get(drip), "failed", "deadline", "deadline of 1s exceeded");
        assertThat(Tree.files(out())).isEmpty();
    }

    @Test
    void refusedConnectionsAreReportedAndRetried() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String refused = "http://127.0.0.1:" + port + "/x";
        fetch("--retries", "1", refused);
        assertOutcome(results().get(refused), "failed", "connect_refused", "connection refused by http://127.0.0.1:" + port);
        assertThat(results().get(refused).get("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void permitsComeBackAfterAFailureStorm() throws Exception {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            urls.add(base + (i % 3 == 0 ? "/fault/reset?n=" : i % 3 == 1 ? "/status/500?n=" : "/fault/truncate?n=100&k=") + i);
        }
        urls.add(base + "/bytes/10?seed=77");
        Cli cli = fetch("-c", "8", "--retries", "0", list(urls.toArray(String[]::new)).toString());
        assertThat(cli.exitCode).isEqualTo(1);
        JsonNode summary = summary();
        assertThat(summary.get("failed").asInt()).isEqualTo(300);
        assertThat(summary.get("ok").asInt()).isEqualTo(1);
        assertThat(Tree.files(out())).containsExactly(FetchCommandTest.hostDir() + "/bytes/10@seed=77");
    }

    static void assertOutcome(JsonNode result, String outcome, String reason, String errorPart) {
        assertThat(result).as("a result").isNotNull();
        assertThat(result.get("outcome").asText()).as(result.toString()).isEqualTo(outcome);
        if (reason == null) {
            assertThat(result.get("reason").isNull()).as(result.toString()).isTrue();
        } else {
            assertThat(result.get("reason").asText()).as(result.toString()).isEqualTo(reason);
            assertThat(result.get("error").asText()).contains(errorPart);
            assertThat(result.get("file").isNull()).isTrue();
        }
    }
}
