package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.asynccrawler.fetch.Outcome;
import io.asynccrawler.fetch.Reason;
import io.asynccrawler.fetch.Result;
import io.asynccrawler.report.Summary;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Help.Ansi;

class SummaryBlockTest {
    private static Result result(String url, Outcome outcome, String reason, long ms) {
        boolean http = reason != null && reason.startsWith("http_");
        int status = outcome == Outcome.OK ? 200 : http ? Integer.parseInt(reason.substring(5)) : 0;
        Reason typed = reason == null ? null : http ? Reason.HTTP : Reason.valueOf(reason.toUpperCase(Locale.ROOT));
        return new Result(url, url, status, null, outcome == Outcome.OK ? 2048 : 0, null, 1,
                Instant.EPOCH, 1, ms, outcome, typed, reason == null ? null : "error " + reason, 0);
    }

    @Test
    void aBlockWithCountsRatesLatencyTheCommonestFailuresAndTheReport() {
        Summary s = new Summary("async", 4);
        for (int i = 0; i < 10; i++) {
            s.add(result("http://h/ok" + i, Outcome.OK, null, 100 + i));
        }
        for (int i = 0; i < 3; i++) {
            s.add(result("http://h/missing" + i, Outcome.FAILED, "http_404", 5));
        }
        s.add(result("http://h:9/x", Outcome.FAILED, "connect_timeout", 1000));
        for (String reason : new String[] {"dns", "tls", "truncated", "closed", "deadline"}) {
            s.add(result("http://h/" + reason, Outcome.FAILED, reason, 1));
        }
        s.finish();
        String block = SummaryBlock.render(s, "report.json", Ansi.OFF);
        assertThat(block.lines()).element(0).isEqualTo("  ok        10");
        assertThat(block).contains("  skipped   0", "  failed    9", "  saved     20.0 KiB in ",
                "  latency   p50 ", "  report    report.json");
        String x = block.contains("\u00d7") ? "\u00d7" : "x";
        // the commonest first, ties by reason; aligned; the rest counted in one line
        assertThat(block).contains("  failures  3 " + x + " HTTP 404                   e.g. http://h/missing0\n"
                + "            1 " + x + " closed before a response   e.g. http://h/closed\n"
                + "            1 " + x + " timed out connecting       e.g. http://h:9/x\n",
                "            2 more, for 2 other reasons");
        assertThat(block).doesNotContain("\u001b");
    }

    @Test
    void colourOnlyWhereAsked() {
        Summary s = new Summary("async", 1);
        s.add(result("http://h/a", Outcome.FAILED, "http_500", 1));
        s.finish();
        assertThat(SummaryBlock.render(s, null, Ansi.ON)).contains("\u001b[").doesNotContain("report");
        assertThat(SummaryBlock.render(s, "-", Ansi.OFF)).contains("  report    stdout");
    }
}
