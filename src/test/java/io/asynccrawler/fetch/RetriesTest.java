package io.asynccrawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class RetriesTest {
    @Test
    void backoffDoublesWithJitterAndACap() {
        for (int i = 0; i < 100; i++) {
            assertThat(Retries.backoff(1)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
            assertThat(Retries.backoff(3)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
            assertThat(Retries.backoff(40)).isLessThanOrEqualTo(Retries.MAX_BACKOFF);
        }
    }

    @Test
    void retryAfterReadsSecondsAndDates() {
        ZonedDateTime now = ZonedDateTime.of(2026, 11, 22, 12, 0, 0, 0, ZoneOffset.UTC);
        assertThat(Retries.retryAfter("120", now)).isEqualTo(Duration.ofSeconds(120));
        assertThat(Retries.retryAfter("Sun, 22 Nov 2026 12:00:30 GMT", now)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Retries.retryAfter("Sun, 22 Nov 2026 11:00:00 GMT", now)).isEqualTo(Duration.ZERO);
        assertThat(Retries.retryAfter("soon", now)).isNull();
        assertThat(Retries.retryAfter(null, now)).isNull();
    }
}
