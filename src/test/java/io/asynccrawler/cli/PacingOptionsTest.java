package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PacingOptionsTest {
    @Test
    void rateIsReadAsCurlReadsIt() {
        assertThat(PacingOptions.perRequest("5/s")).isEqualTo(Duration.ofMillis(200));
        assertThat(PacingOptions.perRequest("120/M")).isEqualTo(Duration.ofMillis(500));
        assertThat(PacingOptions.perRequest("2/h")).isEqualTo(Duration.ofMinutes(30));
        assertThat(PacingOptions.perRequest("24/d")).isEqualTo(Duration.ofHours(1));
        assertThat(PacingOptions.perRequest("60")).as("N alone: per hour, as curl").isEqualTo(Duration.ofMinutes(1));
        assertThatThrownBy(() -> PacingOptions.perRequest("5/w")).hasMessage("--rate 5/w: the unit is s, m, h or d (10/s, 100/m)");
        assertThatThrownBy(() -> PacingOptions.perRequest("0/s")).hasMessageStartingWith("--rate 0/s: not a number");
        assertThatThrownBy(() -> PacingOptions.perRequest("x")).hasMessageStartingWith("--rate x: not a number");
    }

    @Test
    void aBadRateIsAOneLineUsageError() {
        Cli cli = Cli.run("fetch", "--rate", "fast", "http://127.0.0.1:9/x");
        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err).startsWith("fetch: --rate fast: not a number").doesNotContain("Exception");
        Cli rate = Cli.run("fetch", "--limit-rate", "-1", "http://127.0.0.1:9/x");
        assertThat(rate.exitCode).isEqualTo(2);
        assertThat(rate.err).contains("--limit-rate must not be negative");
    }
}
