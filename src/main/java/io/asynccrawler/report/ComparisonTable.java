package io.asynccrawler.report;

import java.util.List;
import java.util.Locale;

/** The compare table: one row per mode, speed-up against the first mode's wall time. */
public final class ComparisonTable {
    private ComparisonTable() {
    }

    public static String render(List<Summary> summaries) {
        StringBuilder out = new StringBuilder();
        String format = "%-8s %9s %9s %8s %8s %8s %8s %7s %9s%n";
        out.append(String.format(Locale.ROOT, format, "mode", "wall s", "req/s", "MiB/s", "p50 ms", "p95 ms", "max ms",
                "failed", "speed-up"));
        double base = summaries.isEmpty() ? 0 : summaries.get(0).wallSeconds();
        for (Summary s : summaries) {
            out.append(String.format(Locale.ROOT, format, s.mode(),
                    String.format(Locale.ROOT, "%.2f", s.wallSeconds()),
                    String.format(Locale.ROOT, "%.1f", s.requestsPerSecond()),
                    String.format(Locale.ROOT, "%.2f", s.mibPerSecond()),
                    s.latency().percentile(0.50), s.latency().percentile(0.95), s.latency().max(),
                    s.failed(), String.format(Locale.ROOT, "%.1fx", speedUp(base, s.wallSeconds()))));
        }
        return out.toString();
    }

    /** How many times faster than the base wall time (the first mode). */
    public static double speedUp(double baseWall, double wall) {
        return wall <= 0 ? 0 : baseWall / wall;
    }
}
