package io.asynccrawler.report;

import java.util.Arrays;
import java.util.List;

/**
 * The terminal picture of a comparison: per mode, one row per lane of work, each request a
 * {@code |---|} on a time axis shared by all modes and scaled to the terminal width.
 */
public final class AsciiTimeline {
    /** Lanes drawn per mode; the rest are counted. */
    static final int MAX_LANES = 12;

    private AsciiTimeline() {
    }

    public static String render(List<Timeline> timelines, int width) {
        long span = Math.max(1, timelines.stream().mapToLong(Timeline::spanMs).max().orElse(1));
        int label = Math.max(8, timelines.stream().mapToInt(t -> t.mode().length()).max().orElse(0) + 1);
        int cols = Math.max(20, width - label - 2);
        StringBuilder out = new StringBuilder();
        for (Timeline t : timelines) {
            List<List<Timeline.Bar>> lanes = t.lanes();
            for (int i = 0; i < Math.min(lanes.size(), MAX_LANES); i++) {
                String name = i == 0 ? t.mode() : "";
                out.append(String.format("%-" + label + "s ", name)).append(row(lanes.get(i), span, cols)).append('\n');
            }
            if (lanes.size() > MAX_LANES) {
                out.append(String.format("%-" + label + "s", "")).append(" ... ").append(lanes.size() - MAX_LANES)
                        .append(" more lanes\n");
            }
            if (lanes.isEmpty()) {
                out.append(String.format("%-" + label + "s ", t.mode())).append("(no requests)\n");
            }
        }
        out.append(String.format("%-" + label + "s", "")).append(axis(span, cols)).append('\n');
        return out.toString();
    }

    private static String row(List<Timeline.Bar> bars, long span, int cols) {
        char[] line = new char[cols];
        Arrays.fill(line, ' ');
        for (Timeline.Bar bar : bars) {
            int from = (int) (bar.startMs() * (cols - 1) / span);
            int to = Math.max(from, (int) (bar.endMs() * (cols - 1) / span));
            for (int c = from; c <= to; c++) {
                line[c] = '-';
            }
            line[from] = '|';
            line[to] = '|';
        }
        return new String(line).replaceAll("\\s+$", "");
    }

    private static String axis(long span, int cols) {
        String end = String.format("%.1f s", span / 1000.0);
        StringBuilder axis = new StringBuilder("0 s");
        while (axis.length() < cols - end.length()) {
            axis.append(' ');
        }
        return axis.append(end).toString();
    }
}
