package io.asynccrawler.crawl;

import java.net.URI;

/**
 * The URLs a crawl's pages link to, by their normal form's text: the pages of one site name the
 * same few thousand URLs over and over (the JDK's API docs: 389,477 links, a page's own, to 10,270
 * URLs), and parsing each again into a java.net.URI was a sixth of reading a page. Direct-mapped,
 * 16,384 slots: memory does not grow with the crawl, and a URL that lost its slot is parsed again.
 * Shared by the page readers without a lock: a slot holds an immutable entry (final fields, safely
 * published), so a reader sees an entry whole or an older one, and either answers right or misses.
 */
final class KnownUrls {
    private static final int SLOTS = 1 << 14;

    private record Known(String text, URI uri) {
    }

    private final Known[] slots = new Known[SLOTS];

    /** The URL whose normal form is {@code text}. */
    URI of(String text) {
        int slot = (text.hashCode() * 0x9E3779B9) >>> (32 - 14); // hashes of similar paths differ little in the low bits
        Known known = slots[slot];
        if (known != null && known.text.equals(text)) {
            return known.uri;
        }
        URI uri = URI.create(text);
        slots[slot] = new Known(text, uri);
        return uri;
    }
}
