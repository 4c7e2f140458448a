package io.asynccrawler.report;

import io.asynccrawler.fetch.Outcome;
import java.util.List;
import java.util.Locale;

/**
 * The comparison as a picture (SVG): one panel per mode, one horizontal bar per request on a time
 * axis shared by every panel, so the modes can be compared by eye; labelled axis and legend.
 */
public final class SvgTimeline {
    private static final int WIDTH = 1000;
    private static final int LEFT = 90;
    private static final int RIGHT = 30;
    private static final int BAR = 6;
    private static final int GAP = 2;
    private static final int PANEL_HEADER = 26;
    private static final int MAX_PANEL_LANES = 120;

    private SvgTimeline() {
    }

    public static String render(List<Timeline> timelines, String title) {
        long span = Math.max(1, timelines.stream().mapToLong(Timeline::spanMs).max().orElse(1));
        double plot = WIDTH - LEFT - RIGHT;
        StringBuilder body = new StringBuilder();
        int y = 50;
        for (Timeline t : timelines) {
            List<List<Timeline.Bar>> lanes = t.lanes();
            int shown = Math.min(lanes.size(), MAX_PANEL_LANES);
            // Many lanes are squeezed into the panel; the bars stay visible, one pixel at least.
            double laneHeight = lanes.size() <= MAX_PANEL_LANES ? BAR + GAP : (double) MAX_PANEL_LANES * (BAR + GAP) / lanes.size();
            int panelHeight = PANEL_HEADER + (int) Math.ceil(Math.max(1, lanes.size()) * laneHeight) + 10;
            body.append(String.format(Locale.ROOT, "<g class=\"panel\" data-mode=\"%s\" transform=\"translate(0,%d)\">%n", esc(t.mode()), y));
            body.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"0\" width=\"%.0f\" height=\"%d\" fill=\"#f7f7f9\" stroke=\"#ddd\"/>%n",
                    LEFT, plot, panelHeight));
            body.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" class=\"mode\">%s</text>%n", 8, esc(t.mode())));
            body.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"34\" class=\"small\">%d requests</text>%n", 8,
                    lanes.stream().mapToInt(List::size).sum()));
            for (int lane = 0; lane < lanes.size(); lane++) {
                double by = PANEL_HEADER + lane * laneHeight;
                for (Timeline.Bar bar : lanes.get(lane)) {
                    double x = LEFT + bar.startMs() * plot / span;
                    double w = Math.max(1.5, (bar.endMs() - bar.startMs()) * plot / span);
                    body.append(String.format(Locale.ROOT,
                            "<rect class=\"bar %s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s: %d-%d ms</title></rect>%n",
                            bar.outcome() == Outcome.OK ? "ok" : bar.outcome().word(), x, by, w, Math.max(1, laneHeight - GAP),
                            esc(bar.url()), bar.startMs(), bar.endMs()));
                }
            }
            if (lanes.size() > shown) {
                body.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"50\" class=\"small\">%d lanes</text>%n", 8, lanes.size()));
            }
            body.append("</g>\n");
            y += panelHeight + 14;
        }
        int height = y + 60;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">%n",
                WIDTH, height, WIDTH, height));
        svg.append("<style>.mode{font-size:14px;font-weight:bold}.small{font-size:11px;fill:#555}"
                + ".bar{stroke:#fff;stroke-width:0.6}.bar.ok{fill:#2a7ab8}.bar.failed{fill:#d0443e}.bar.cancelled{fill:#9a9a9a}.axis{stroke:#888}.tick{font-size:11px;fill:#333}</style>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"28\" font-size=\"17\">%s</text>%n", 8, esc(title)));
        svg.append(body);
        svg.append(axis(y, span, plot));
        svg.append(legend(y + 40));
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String axis(int y, long span, double plot) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%.0f\" y2=\"%d\"/>%n", LEFT, y, LEFT + plot, y));
        double step = niceStep(span / 1000.0 / 8);
        for (double s = 0; s <= span / 1000.0 + 1e-9; s += step) {
            double x = LEFT + s * 1000 * plot / span;
            out.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>%n", x, y, x, y + 5));
            out.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x, y + 18, trim(s)));
        }
        out.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.0f\" y=\"%d\" text-anchor=\"end\">time since the mode started (s)</text>%n",
                LEFT + plot, y + 34));
        return out.toString();
    }

    private static String legend(int y) {
        return String.format(Locale.ROOT, "<rect class=\"bar ok\" x=\"%d\" y=\"%d\" width=\"14\" height=\"8\"/>"
                + "<text class=\"tick\" x=\"%d\" y=\"%d\">request (ok)</text>"
                + "<rect class=\"bar failed\" x=\"%d\" y=\"%d\" width=\"14\" height=\"8\"/>"
                + "<text class=\"tick\" x=\"%d\" y=\"%d\">request (failed)</text>%n",
                LEFT, y, LEFT + 18, y + 8, LEFT + 130, y, LEFT + 148, y + 8);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-3))));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String trim(double seconds) {
        return seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.format(Locale.ROOT, "%.2f", seconds).replaceAll("0+$", "");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
