package io.asynccrawler.crawl;

import io.asynccrawler.save.SipHash;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The store's fingerprint of each URL, by the URL's text: a site's pages name the same URLs over
 * and over (the JDK's API docs: 389,477 links to 10,270 URLs), and hashing each again (its UTF-8
 * bytes, then SipHash) was an eighth of the store's step. Direct-mapped, 16,384 slots: memory does
 * not grow with the crawl, and a URL that lost its slot is hashed again. Shared by the page readers
 * and the store without a lock: a slot holds an immutable entry (final fields, safely published),
 * so a reader sees an entry whole or an older one, and either answers right or misses.
 */
final class UrlFingerprints {
    private static final int SLOTS = 1 << 14;

    private record Known(String text, long fingerprint) {
    }

    private final SipHash sip;
    private final Known[] slots = new Known[SLOTS];

    UrlFingerprints(SipHash sip) {
        this.sip = sip;
    }

    /** The fingerprint of {@code uri}: SipHash of its text's UTF-8 bytes. */
    long of(URI uri) {
        String text = uri.toString();
        int slot = (text.hashCode() * 0x9E3779B9) >>> (32 - 14); // hashes of similar paths differ little in the low bits
        Known known = slots[slot];
        if (known != null && known.text.equals(text)) {
            return known.fingerprint;
        }
        long fingerprint = sip.hash(text.getBytes(StandardCharsets.UTF_8));
        slots[slot] = new Known(text, fingerprint);
        return fingerprint;
    }
}
