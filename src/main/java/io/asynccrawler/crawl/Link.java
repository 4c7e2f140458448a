package io.asynccrawler.crawl;

import java.net.URI;

/**
 * One URL a page refers to, admitted and in normal form (see {@link io.asynccrawler.fetch.Urls#admit}).
 *
 * @param uri      where it points
 * @param kind     a page to follow, or something the page needs to show
 * @param from     the element and attribute it came from ({@code a href}, {@code img srcset},
 *                 {@code css url}), for the report
 * @param nofollow the page or the link asked crawlers not to follow it ({@code rel="nofollow"},
 *                 {@code <meta name="robots" content="nofollow">})
 */
public record Link(URI uri, Kind kind, String from, boolean nofollow) {
    /** What a link is for: wget2's split between recursion and {@code -p}. */
    public enum Kind {
        /** A page to crawl further: {@code a}, {@code area}, {@code link rel=next}, a meta refresh. */
        PAGE,
        /**
         * What a page needs to be shown (images, stylesheets, scripts, frames, media, fonts): fetched
         * with {@code -p} even past the depth limit, and not parsed for further pages (CSS aside).
         */
        REQUISITE
    }
}
