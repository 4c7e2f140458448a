package io.asynccrawler.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Numbers as the summaries print them: the same digits as Locale.ROOT's Formatter, without it. */
class UnitsTest {
    @Test
    void fixedMatchesFormatOnRandomAndTieValues() {
        Random random = new Random(11);
        double[] ties = {0.5, 1.5, 2.5, 0.05, 0.15, 0.25, 1.005, 2.675, 99.995, 1e-9, 0, 123456789.125};
        for (double v : ties) {
            for (int d = 0; d <= 2; d++) {
                assertThat(Units.fixed(v, d)).as(v + " to " + d).isEqualTo(String.format(Locale.ROOT, "%." + d + "f", v));
            }
        }
        for (int i = 0; i < 20_000; i++) {
            double v = random.nextInt(4) == 0 ? random.nextDouble() : random.nextDouble() * Math.pow(10, random.nextInt(9));
            int d = random.nextInt(3);
            assertThat(Units.fixed(v, d)).as(v + " to " + d).isEqualTo(String.format(Locale.ROOT, "%." + d + "f", v));
        }
    }

    @Test
    void groupedMatchesFormat() {
        long[] values = {0, 7, 999, 1000, 12345, 999999, 1000000, -1, -1000, -123456, Long.MAX_VALUE, Long.MIN_VALUE};
        for (long n : values) {
            assertThat(Units.grouped(n)).as(Long.toString(n)).isEqualTo(String.format(Locale.ROOT, "%,d", n));
        }
    }

    @Test
    void bytesUseBinaryUnitsWithOneDecimal() {
        assertThat(Units.bytes(1023)).isEqualTo("1023 B");
        assertThat(Units.bytes(1024)).isEqualTo("1.0 KiB");
        assertThat(Units.bytes(20_480_000)).isEqualTo("19.5 MiB");
        assertThat(Units.bytes(1L << 30)).isEqualTo("1.0 GiB");
    }
}
