package io.asynccrawler.fetch;

import java.util.Locale;

/** How a crawl came to a URL: the report's {@code via}. */
public enum Via {
    SEED, LINK, REQUISITE, REDIRECT, SITEMAP;

    /** The report's word. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
