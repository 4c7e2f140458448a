package io.asynccrawler.cli;

import io.asynccrawler.fetch.HostPacing;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Option;

/** How far apart the requests to one host start (part of {@link FetchOptions}); a crawl's robots.txt Crawl-delay adds to them. */
final class PacingOptions {
    @Option(names = "--wait", paramLabel = "D", defaultValue = "0s", converter = DurationConverter.class,
            description = "Least time between two requests to one host; a crawl's longer robots.txt Crawl-delay wins (default: ${DEFAULT-VALUE}).")
    Duration waitBetween;

    @Option(names = "--random-wait", description = "Vary each --wait between 0.5 and 1.5 times its length, as wget.")
    boolean randomWait;

    @Option(names = "--rate", paramLabel = "N/U",
            description = "At most N requests to one host per U: s, m, h or d (N alone: per hour, as curl) (default: no limit).")
    String rate;

    /** The pacing these options give; an IllegalArgumentException naming the option that is wrong. */
    HostPacing pacing() {
        if (waitBetween.isNegative()) {
            throw new IllegalArgumentException("--wait must not be negative: " + waitBetween);
        }
        return new HostPacing(waitBetween, randomWait, rate == null ? Duration.ZERO : perRequest(rate));
    }

    /** What one request of {@code --rate N/U} takes up: U divided by N. */
    static Duration perRequest(String rate) {
        String r = rate.strip().toLowerCase(Locale.ROOT);
        int slash = r.indexOf('/');
        Duration unit = Duration.ofHours(1);
        if (slash >= 0) {
            switch (r.substring(slash + 1)) {
                case "s": unit = Duration.ofSeconds(1); break;
                case "m": unit = Duration.ofMinutes(1); break;
                case "h": unit = Duration.ofHours(1); break;
                case "d": unit = Duration.ofDays(1); break;
                default: throw new IllegalArgumentException("--rate " + rate + ": the unit is s, m, h or d (10/s, 100/m)");
            }
        }
        long n;
        try {
            n = Long.parseLong(slash >= 0 ? r.substring(0, slash) : r);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1) {
            throw new IllegalArgumentException("--rate " + rate + ": not a number of requests at least 1 (write 10/s or 100/m)");
        }
        return unit.dividedBy(n);
    }
}
