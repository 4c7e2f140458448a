package io.asynccrawler.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Byte counts in the units people read: B, KiB, MiB, GiB. */
public final class Units {
    private Units() {
    }

    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return fixed(v, 1) + " " + units[u];
    }

    /**
     * {@code v} with {@code decimals} digits after a point, rounded half up: what
     * {@code String.format(Locale.ROOT, "%.Nf", v)} gives, without the locale data that Formatter
     * loads at its first floating-point number (15 ms of a command's start) and never with a
     * locale's decimal comma.
     */
    public static String fixed(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    /** {@code n} with a comma between groups of three digits ({@code 12,345}), as {@code %,d} in Locale.ROOT. */
    public static String grouped(long n) {
        String digits = Long.toString(n);
        int start = n < 0 ? 1 : 0;
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3);
        out.append(digits, 0, start);
        for (int i = start; i < digits.length(); i++) {
            if (i > start && (digits.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }
}
