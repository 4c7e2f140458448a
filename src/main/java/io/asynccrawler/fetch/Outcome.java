package io.asynccrawler.fetch;

import java.util.Locale;

/**
 * How one URL ended: saved, skipped (already there), failed with a reason, cancelled by a stop
 * (Ctrl-C, a signal: not the URL's fault, and the next run fetches it), or excluded from a crawl.
 */
public enum Outcome {
    OK, SKIPPED, FAILED, CANCELLED,
    /** A crawl met the URL and did not fetch it: out of scope, too deep, disallowed by robots.txt, ... */
    EXCLUDED;

    /** The word used in reports and logs. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
