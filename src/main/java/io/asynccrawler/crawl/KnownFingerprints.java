package io.asynccrawler.crawl;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Fingerprints known to be in one of the store's sets, in front of it (the seen-set; the kept
 * exclusions): a URL once seen stays seen, so a hit is always true and a miss only means "ask the
 * store". Pages of one site link the same URLs over and over (the JDK's API docs: 10,137 pages,
 * 1.9 million links to 10,270 URLs), and asking RocksDB for each was a fifth of reading a page.
 * Direct-mapped, 65,536 slots (512 KiB): memory does not grow with the crawl. Written under the
 * store's lock, read from any thread: a slot's value is read whole (opaque access, which is atomic
 * for a long), and one read before a write only misses.
 */
final class KnownFingerprints {
    private static final int SLOTS = 1 << 16;
    private final AtomicLongArray slots = new AtomicLongArray(SLOTS);

    boolean contains(long fingerprint) {
        return fingerprint != 0 && slots.getOpaque(index(fingerprint)) == fingerprint;
    }

    void add(long fingerprint) {
        slots.setOpaque(index(fingerprint), fingerprint);
    }

    private static int index(long fingerprint) {
        return (int) (fingerprint ^ (fingerprint >>> 32)) & (SLOTS - 1);
    }
}
