package io.asynccrawler.fetch;

import java.util.Locale;

/** How one URL ended: saved, skipped (already there), or failed with a reason. */
public enum Outcome {
    OK, SKIPPED, FAILED;

    /** The word used in reports and logs. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
