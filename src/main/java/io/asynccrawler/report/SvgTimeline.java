package io.asynccrawler.report;

import io.asynccrawler.fetch.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The comparison as a picture (SVG): one panel per mode, in the table's order, one horizontal bar
 * per request on a time axis shared by every panel, so the modes can be compared by eye. Each
 * panel ends with a dashed line where its mode finished, labelled with its wall time and its
 * speed-up against the first mode (the table's headline, where the eye already is). A failed
 * request is red, a cancelled one grey; no bar is drawn thinner or lower than
 * {@link #MIN_BAR} pixels, however short the request or many the lanes. Lanes fill from the top
 * in every panel alike (a request takes the first lane free at its start). Axis labelled to its
 * end, with a legend.
 */
public final class SvgTimeline {
    private static final int WIDTH = 1000;
    private static final int LEFT = 90;
    private static final int RIGHT = 110; // room for the last panel's "finished" label
    private static final int BAR = 6;
    private static final int GAP = 2;
    private static final int PANEL_HEADER = 26;
    private static final int MAX_PANEL_LANES = 120;
    /** Pixels: a 1 ms request in a 60 s comparison, or one of 2,000 lanes, stays visible. */
    static final double MIN_BAR = 2;

    private SvgTimeline() {
    }

    /** The picture with each mode's wall time taken as its last request's end. */
    public static String render(List<Timeline> timelines, String title) {
        List<Double> walls = new ArrayList<>();
        for (Timeline t : timelines) {
            walls.add(t.spanMs() / 1000.0);
        }
        return render(timelines, walls, title);
    }

    /** The picture; {@code wallSeconds} are the modes' wall times (the table's), in the same order. */
    public static String render(List<Timeline> timelines, List<Double> wallSeconds, String title) {
        long span = 1;
        for (int i = 0; i < timelines.size(); i++) {
            span = Math.max(span, Math.max(timelines.get(i).spanMs(), Math.round(wallSeconds.get(i) * 1000)));
        }
        double plot = WIDTH - LEFT - RIGHT;
        StringBuilder body = new StringBuilder();
        int y = 50;
        for (int i = 0; i < timelines.size(); i++) {
            Timeline t = timelines.get(i);
            List<List<Timeline.Bar>> lanes = t.lanes();
            // Many lanes are squeezed into the panel; the bars stay visible, MIN_BAR high at least.
            double laneHeight = lanes.size() <= MAX_PANEL_LANES ? BAR + GAP : (double) MAX_PANEL_LANES * (BAR + GAP) / lanes.size();
            int panelHeight = PANEL_HEADER + (int) Math.ceil(Math.max(1, lanes.size()) * laneHeight) + 10;
            body.append(String.format(Locale.ROOT, "<g class=\"panel\" data-mode=\"%s\" transform=\"translate(0,%d)\">%n", esc(t.mode()), y));
            body.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"0\" width=\"%.0f\" height=\"%d\" fill=\"#f7f7f9\" stroke=\"#ddd\"/>%n",
                    LEFT, plot, panelHeight));
            body.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" class=\"mode\">%s</text>%n", 8, esc(t.mode())));
            body.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"34\" class=\"small\">%d requests</text>%n", 8,
                    lanes.stream().mapToInt(List::size).sum()));
            if (lanes.size() > MAX_PANEL_LANES) {
                body.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"50\" class=\"small\">%d lanes</text>%n", 8, lanes.size()));
            }
            for (int lane = 0; lane < lanes.size(); lane++) {
                double by = PANEL_HEADER + lane * laneHeight;
                for (Timeline.Bar bar : lanes.get(lane)) {
                    double x = LEFT + bar.startMs() * plot / span;
                    double w = Math.max(MIN_BAR, (bar.endMs() - bar.startMs()) * plot / span);
                    body.append(String.format(Locale.ROOT,
                            "<rect class=\"bar %s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s: %d-%d ms</title></rect>%n",
                            bar.outcome() == Outcome.OK ? "ok" : bar.outcome().word(), x, by, w, Math.max(MIN_BAR, laneHeight - GAP),
                            esc(bar.url()), bar.startMs(), bar.endMs()));
                }
            }
            double wall = wallSeconds.get(i);
            double fx = LEFT + wall * 1000 * plot / span;
            body.append(String.format(Locale.ROOT, "<line class=\"finish\" x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\"/>%n", fx, fx, panelHeight));
            body.append(String.format(Locale.ROOT, "<text class=\"headline\" x=\"%.1f\" y=\"16\">%s s, %.1fx</text>%n",
                    fx + 4, trim(Math.round(wall * 100) / 100.0), ComparisonTable.speedUp(wallSeconds.get(0), wall)));
            body.append("</g>\n");
            y += panelHeight + 14;
        }
        int height = y + 60;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">%n",
                WIDTH, height, WIDTH, height));
        svg.append("<style>.mode{font-size:14px;font-weight:bold}.small{font-size:11px;fill:#555}"
                + ".bar{stroke:#fff;stroke-width:0.4}.bar.ok{fill:#2a7ab8}.bar.failed{fill:#d0443e}.bar.cancelled{fill:#9a9a9a}"
                + ".finish{stroke:#1b1b1b;stroke-width:1.5;stroke-dasharray:4 3}.headline{font-size:12px;font-weight:bold;fill:#1b1b1b}"
                + ".axis{stroke:#888}.tick{font-size:11px;fill:#333}</style>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"28\" font-size=\"17\">%s</text>%n", 8, esc(title)));
        svg.append(body);
        svg.append(axis(y, span, plot));
        svg.append(legend(y + 40));
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** Ticks at 1, 2 or 5 times a power of ten, and the axis's end labelled with its own time. */
    private static String axis(int y, long span, double plot) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%.0f\" y2=\"%d\"/>%n", LEFT, y, LEFT + plot, y));
        double seconds = span / 1000.0;
        double step = niceStep(seconds / 8);
        for (double s = 0; s <= seconds + 1e-9; s += step) {
            if (s > 0 && seconds - s < step * 0.4) {
                break; // too close to the end, whose own label follows
            }
            tick(out, y, LEFT + s * 1000 * plot / span, trim(s));
        }
        tick(out, y, LEFT + plot, trim(Math.round(seconds * 100) / 100.0));
        out.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.0f\" y=\"%d\" text-anchor=\"end\">time since the mode started (s)</text>%n",
                LEFT + plot, y + 34));
        return out.toString();
    }

    private static void tick(StringBuilder out, int y, double x, String label) {
        out.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>%n", x, y, x, y + 5));
        out.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                x, y + 18, label));
    }

    private static String legend(int y) {
        StringBuilder out = new StringBuilder();
        String[][] keys = {{"bar ok", "request (ok)"}, {"bar failed", "request (failed)"}, {"bar cancelled", "request (cancelled)"}};
        int x = LEFT;
        for (String[] key : keys) {
            out.append(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%d\" y=\"%d\" width=\"14\" height=\"8\"/>"
                    + "<text class=\"tick\" x=\"%d\" y=\"%d\">%s</text>%n", key[0], x, y, x + 18, y + 8, key[1]));
            x += 150;
        }
        out.append(String.format(Locale.ROOT, "<line class=\"finish\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
                + "<text class=\"tick\" x=\"%d\" y=\"%d\">finished: wall time, speed-up against the first mode</text>%n",
                x + 7, y - 2, x + 7, y + 10, x + 18, y + 8));
        return out.toString();
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
