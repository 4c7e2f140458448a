package io.asynccrawler.cli.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.asynccrawler.fetch.Downloads;
import io.asynccrawler.job.Frontier;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    private static ProgressLine.Numbers numbers(long done, long total, boolean known, double rate, long bytesLeft,
                                                List<Downloads.Progress> largest) {
        return new ProgressLine.Numbers(done, total, known, 64, 0, rate, 10, bytesLeft, largest);
    }

    @Test
    void theProgressLineSaysSoFarUntilTheTotalIsKnownThenGivesPercentAndEta() {
        assertThat(ProgressLine.format(new ProgressLine.Numbers(1234, 5000, false, 64, 2, 3.2 * 1048576, 10, -1, List.of()), 200))
                .isEqualTo("[ 1,234 / 5,000 so far ]  64 in flight  3.2 MiB/s  2 failed");
        assertThat(ProgressLine.format(numbers(1234, 10000, true, 3.2 * 1048576, -1, List.of()), 200))
                .isEqualTo("[ 1,234 / 10,000 ]  12%  64 in flight  3.2 MiB/s  ETA 1:11");
        assertThat(ProgressLine.format(numbers(1234, 10000, true, 0, -1, List.of()), 20)).hasSize(20);
        assertThat(ProgressLine.clock(3725)).isEqualTo("1:02:05");
    }

    /** [ 3,000 / 3,001 ] 99% must not say ETA 0:00 for the 40 s a 200 MiB file still takes. */
    @Test
    void theEtaWaitsForTheBytesLeftAndTheBigFilesShowTheirOwnProgress() {
        List<Downloads.Progress> big = List.of(new Downloads.Progress("debian-13.2.0-amd64-netinst.iso", 50L << 20, 200L << 20),
                new Downloads.Progress("small.txt", 10, 20));
        assertThat(ProgressLine.format(numbers(3000, 3001, true, 5 << 20, 150L << 20, big), 200))
                .isEqualTo("[ 3,000 / 3,001 ]  99%  64 in flight  5.0 MiB/s  ETA 0:30  ...2.0-amd64-netinst.iso 50.0 MiB/200.0 MiB 25%");
        assertThat(ProgressLine.format(numbers(3000, 3001, true, 5 << 20, -1,
                List.of(new Downloads.Progress("stream.bin", 3L << 20, -1))), 200))
                .as("a body without a size: the ETA from URLs alone, its bytes so far")
                .isEqualTo("[ 3,000 / 3,001 ]  99%  64 in flight  5.0 MiB/s  ETA 0:00  stream.bin 3.0 MiB");
    }

    @Test
    void aCrawlsLineTellsWhatIsQueuedExcludedAndOnHowManyHosts() {
        assertThat(ProgressLine.crawl(1234, new Frontier.Counts(5678, 4321, 3, 3), 16, 1.2 * 1048576, 12, 2, 200))
                .isEqualTo("[ 1,234 / 5,678 ]  4,321 queued  16 in flight  1.2 MiB/s  3 hosts  12 excluded  2 failed");
        assertThat(ProgressLine.crawl(0, new Frontier.Counts(1, 1, 1, 1), 1, 0, 0, 0, 200))
                .isEqualTo("[ 0 / 1 ]  1 queued  1 in flight  0 B/s  1 host");
        assertThat(ProgressLine.crawl(1234, new Frontier.Counts(5678, 4321, 3, 3), 16, 0, 12, 2, 30)).hasSize(30);
    }
}
