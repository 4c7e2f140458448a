package io.asynccrawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HostPacerTest {
    private static final long MS = 1_000_000;

    @Test
    void eachRequestToAHostReservesTheNextStartOtherHostsAreOnTheirOwn() {
        HostPacer pacer = new HostPacer(new HostPacing(Duration.ofSeconds(10), false, Duration.ZERO));
        assertThat(pacer.delayNanos("a.example")).isZero();
        assertThat(pacer.delayNanos("A.example")).as("one host, any case").isBetween(9_900 * MS, 10_000 * MS);
        assertThat(pacer.delayNanos("a.example")).isBetween(19_900 * MS, 20_000 * MS);
        assertThat(pacer.delayNanos("b.example")).isZero();
    }

    @Test
    void theWaitCountsAgainFromARequestsEndAndRateIsStartSpacingOnly() {
        HostPacer waits = new HostPacer(new HostPacing(Duration.ofSeconds(10), false, Duration.ZERO));
        waits.delayNanos("a.example");
        waits.ended("a.example");
        assertThat(waits.delayNanos("a.example")).isBetween(9_900 * MS, 10_000 * MS);
        HostPacer rate = new HostPacer(new HostPacing(Duration.ZERO, false, Duration.ofMillis(500)));
        rate.delayNanos("a.example");
        rate.ended("a.example");
        assertThat(rate.delayNanos("a.example")).isBetween(400 * MS, 500 * MS);
    }

    @Test
    void randomWaitIsHalfToOneAndAHalfTimesTheWait() {
        HostPacer pacer = new HostPacer(new HostPacing(Duration.ofSeconds(10), true, Duration.ZERO));
        long last = pacer.delayNanos("h");
        for (int i = 0; i < 50; i++) {
            long next = pacer.delayNanos("h");
            assertThat(next - last).isBetween(4_900 * MS, 15_000 * MS);
            last = next;
        }
    }

    @Test
    void hostsWhoseTimeHasPassedAreForgotten() throws Exception {
        HostPacer pacer = new HostPacer(new HostPacing(Duration.ofNanos(1), false, Duration.ZERO));
        for (int i = 0; i < 100_000; i++) {
            assertThat(pacer.delayNanos("h" + i)).isZero();
        }
        assertThat(pacer.hostsKept()).isLessThan(8192);
        assertThat(new HostPacer(HostPacing.NONE).delayNanos("h")).isZero();
    }
}
