package io.asynccrawler.cli;

import io.asynccrawler.cli.process.ProgressLine;
import io.asynccrawler.fetch.Reason;
import io.asynccrawler.job.Printable;
import io.asynccrawler.report.Summary;
import io.asynccrawler.report.Units;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Help.Ansi;

/**
 * The block {@code fetch} ends with: counts per outcome, bytes, time and rates, latency, the most
 * common failures with an example URL each, and where the report went. Coloured when {@code ansi}
 * is on (a terminal without NO_COLOR).
 */
final class SummaryBlock {
    /** Failure reasons listed; the rest are counted in one line. */
    static final int REASONS_SHOWN = 5;
    /** The multiplication sign where the console's charset has it (a C locale does not). */
    private static final String TIMES = Charset.defaultCharset().newEncoder().canEncode('\u00d7') ? "\u00d7" : "x";

    private SummaryBlock() {
    }

    static String render(Summary s, String reportPath, Ansi ansi) {
        return render(s, reportPath, ansi, null);
    }

    /**
     * As above; after a stop ({@link Summary#cancelled()}), what was left undone, what the part
     * files kept, and {@code again}, the command that continues (null: not said).
     */
    static String render(Summary s, String reportPath, Ansi ansi, String again) {
        StringBuilder b = new StringBuilder();
        row(b, ansi, "ok", ansi.string(s.ok() > 0 ? "@|green " + Units.grouped(s.ok()) + "|@" : Units.grouped(s.ok())));
        row(b, ansi, "skipped", Units.grouped(s.skipped()));
        row(b, ansi, "failed", ansi.string(s.failed() > 0 ? "@|bold,red " + Units.grouped(s.failed()) + "|@" : Units.grouped(s.failed())));
        if (s.cancelled() > 0) {
            row(b, ansi, "cancelled", Units.grouped(s.cancelled()) + " (stopped before they ended; not failures)");
        }
        if (s.keptParts() > 0) {
            row(b, ansi, "kept", Units.bytes(s.keptBytes()) + " in " + Units.grouped(s.keptParts())
                    + (s.keptParts() == 1 ? " .part file" : " .part files") + ", for the next run to continue");
        }
        if (s.excluded() > 0) { // a crawl's: the URLs it met and did not fetch, and why
            StringBuilder why = new StringBuilder();
            for (Map.Entry<String, Long> e : s.exclusionsByReason().entrySet()) {
                why.append(why.length() == 0 ? " (" : ", ").append(count(e));
            }
            row(b, ansi, "excluded", Units.grouped(s.excluded()) + why + ")");
        }
        Summary.CrawlTotals crawl = s.crawlTotals();
        if (crawl != null) {
            row(b, ansi, "frontier", Units.grouped(crawl.admitted()) + " URLs admitted over " + Units.grouped(crawl.hosts())
                    + (crawl.hosts() == 1 ? " host" : " hosts") + (crawl.queued() == 0 ? ", none left queued"
                    : ", " + Units.grouped(crawl.queued()) + " still queued"));
        }
        row(b, ansi, "saved", Units.bytes(s.bytes()) + " in " + seconds(s.wallSeconds()) + " ("
                + Units.bytes((long) (s.mibPerSecond() * 1048576)) + "/s, " + Units.fixed(s.requestsPerSecond(), 0) + " req/s)");
        if (s.latency().count() > 0) {
            row(b, ansi, "latency", "p50 " + millis(s.latency().percentile(0.50)) + ", p95 "
                    + millis(s.latency().percentile(0.95)) + ", max " + millis(s.latency().max()));
        }
        List<Map.Entry<String, Long>> reasons = new ArrayList<>(s.failuresByReason().entrySet());
        reasons.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        int width = 0;
        for (int i = 0; i < Math.min(REASONS_SHOWN, reasons.size()); i++) {
            width = Math.max(width, count(reasons.get(i)).length());
        }
        for (int i = 0; i < Math.min(REASONS_SHOWN, reasons.size()); i++) {
            String text = count(reasons.get(i));
            String[] example = s.example(reasons.get(i).getKey());
            row(b, ansi, i == 0 ? "failures" : "", text + " ".repeat(width - text.length())
                    + (example == null ? "" : "   e.g. " + Printable.of(example[0]))); // a bad line's text as given
        }
        if (reasons.size() > REASONS_SHOWN) {
            long more = reasons.subList(REASONS_SHOWN, reasons.size()).stream().mapToLong(Map.Entry::getValue).sum();
            row(b, ansi, "", Units.grouped(more) + " more, for " + (reasons.size() - REASONS_SHOWN) + " other reasons");
        }
        if (reportPath != null) {
            row(b, ansi, "report", reportPath.equals("-") ? "stdout" : reportPath);
        }
        if (s.cancelled() > 0 && again != null) {
            row(b, ansi, "continue", again);
        }
        return b.toString();
    }

    private static void row(StringBuilder b, Ansi ansi, String label, String value) {
        String padded = String.format(Locale.ROOT, "%-9s", label);
        b.append("  ").append(label.isEmpty() ? padded : ansi.string("@|bold " + padded + "|@")).append(' ').append(value)
                .append(System.lineSeparator());
    }

    private static String count(Map.Entry<String, Long> reason) {
        return Units.grouped(reason.getValue()) + " " + TIMES + " " + Reason.label(reason.getKey());
    }

    static String millis(long ms) {
        return ms < 1000 ? ms + " ms" : seconds(ms / 1000.0);
    }

    static String seconds(double s) {
        return s < 60 ? Units.fixed(s, 2) + " s" : ProgressLine.clock(s);
    }
}
