package io.asynccrawler.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
    @Test
    void percentilesAreWithinThreePercent() {
        LatencyHistogram h = new LatencyHistogram();
        for (int v = 1; v <= 10_000; v++) {
            h.record(v);
        }
        assertThat((double) h.percentile(0.50)).isCloseTo(5000, within(5000 * 0.035));
        assertThat((double) h.percentile(0.95)).isCloseTo(9500, within(9500 * 0.035));
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
