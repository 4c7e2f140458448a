package io.asynccrawler.cli.process;

import static org.assertj.core.api.Assertions.assertThat;

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
}
