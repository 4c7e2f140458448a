package io.asynccrawler.crawl;

import java.util.List;

/**
 * What one saved page links to.
 *
 * @param links    the admitted links, in document order, each once, at most the extractor's limit
 * @param nofollow the page asks that none of its links be followed ({@code <meta name="robots">})
 * @param noindex  the page asks not to be indexed
 * @param refused  link texts that are not http(s) URLs a crawl could fetch ({@code mailto:},
 *                 {@code javascript:}, a bad host), counted and dropped
 * @param read     how much of the page was read for links
 */
public record PageLinks(List<Link> links, boolean nofollow, boolean noindex, int refused, Read read) {
    /** How much of a page was read for links. */
    public enum Read {
        /** All of it. */
        WHOLE,
        /** More links than the extractor takes from a page: the rest were not read. */
        LINK_LIMIT,
        /** Larger than the page size limit: saved, not parsed. */
        TOO_LARGE,
        /** Neither HTML nor CSS: nothing to read. */
        NOT_A_PAGE
    }

    public PageLinks {
        links = List.copyOf(links);
    }

    /** A page that was not read, and why. */
    static PageLinks unread(Read why) {
        return new PageLinks(List.of(), false, false, 0, why);
    }
}
