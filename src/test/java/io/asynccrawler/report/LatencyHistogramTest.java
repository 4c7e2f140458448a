package io.asynccrawler.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
    @Test
    void percentilesAreWithinHalfAPercent() {
        LatencyHistogram h = new LatencyHistogram();
        for (int v = 1; v <= 10_000; v++) {
            h.record(v);
        }
        assertThat((double) h.percentile(0.50)).isCloseTo(5000, within(5000 * 0.005));
        assertThat((double) h.percentile(0.95)).isCloseTo(9500, within(9500 * 0.005));
        assertThat(h.percentile(1.0)).isEqualTo(10_000);
        assertThat(h.max()).isEqualTo(10_000);
    }

    @Test
    void smallValuesAreExactAndEmptyIsZero() {
        LatencyHistogram h = new LatencyHistogram();
        assertThat(h.percentile(0.5)).isZero();
        h.record(3);
        h.record(7);
        assertThat(h.percentile(0.5)).isEqualTo(3);
        assertThat(h.percentile(0.99)).isEqualTo(7);
    }

    @Test
    void requestsMillisecondsApartAreReportedMillisecondsApart() {
        // Two modes of a comparison, their one-second requests 2 ms apart, a slow one in each.
        LatencyHistogram threads = new LatencyHistogram();
        LatencyHistogram async = new LatencyHistogram();
        for (int i = 0; i < 10; i++) {
            threads.record(1007);
            async.record(1009);
        }
        threads.record(3000);
        async.record(3000);
        assertThat(threads.percentile(0.5)).isBetween(1007L, 1008L);
        assertThat(async.percentile(0.5)).isBetween(1009L, 1010L);
    }

    @Test
    void hugeValuesHaveABucket() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(Long.MAX_VALUE);
        h.record(1L << 40);
        assertThat(h.percentile(0.5)).isBetween(1L << 40, (1L << 40) + (1L << 32));
        assertThat(h.percentile(1.0)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void bucketsAreContiguous() {
        for (long v = 0; v < 1_000_000; v += 7) {
            int i = LatencyHistogram.index(v);
            assertThat(LatencyHistogram.upper(i)).isGreaterThanOrEqualTo(v);
            if (i > 0) {
                assertThat(LatencyHistogram.upper(i - 1)).isLessThan(v);
            }
        }
    }
}
