package io.asynccrawler.cli.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.asynccrawler.job.Frontier;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    @Test
    void theProgressLineSaysSoFarUntilTheInputIsReadThenGivesPercentAndEta() {
        assertThat(ProgressLine.format(1234, 5000, false, 64, 2, 3.2 * 1048576, 10, 200))
                .isEqualTo("[ 1,234 / 5,000 so far ]  64 in flight  3.2 MiB/s  2 failed");
        assertThat(ProgressLine.format(1234, 10000, true, 64, 0, 3.2 * 1048576, 10, 200))
                .isEqualTo("[ 1,234 / 10,000 ]  12%  64 in flight  3.2 MiB/s  ETA 1:11");
        assertThat(ProgressLine.format(1234, 10000, true, 64, 0, 0, 10, 20)).hasSize(20);
        assertThat(ProgressLine.clock(3725)).isEqualTo("1:02:05");
    }

    @Test
    void aCrawlsLineTellsWhatIsQueuedExcludedAndOnHowManyHosts() {
        assertThat(ProgressLine.crawl(1234, new Frontier.Counts(5678, 4321, 3), 16, 1.2 * 1048576, 12, 2, 200))
                .isEqualTo("[ 1,234 / 5,678 ]  4,321 queued  16 in flight  1.2 MiB/s  3 hosts  12 excluded  2 failed");
        assertThat(ProgressLine.crawl(0, new Frontier.Counts(1, 1, 1), 1, 0, 0, 0, 200))
                .isEqualTo("[ 0 / 1 ]  1 queued  1 in flight  0 B/s  1 host");
        assertThat(ProgressLine.crawl(1234, new Frontier.Counts(5678, 4321, 3), 16, 0, 12, 2, 30)).hasSize(30);
    }
}
