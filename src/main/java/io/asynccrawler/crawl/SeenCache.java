package io.asynccrawler.crawl;

/**
 * Fingerprints known to be in the store's seen-set, in front of it: a URL once seen stays seen, so
 * a hit is always true and a miss only means "ask the store". Pages of one site link the same
 * URLs over and over (the JDK's API docs: 10,137 pages, 1.9 million links to 10,270 URLs), and
 * asking RocksDB for each was a fifth of reading a page. Direct-mapped, 65,536 slots (512 KiB):
 * memory does not grow with the crawl. Not thread-safe: used under the store's lock.
 */
final class SeenCache {
    private static final int SLOTS = 1 << 16;
    private final long[] slots = new long[SLOTS];

    boolean contains(long fingerprint) {
        return fingerprint != 0 && slots[index(fingerprint)] == fingerprint;
    }

    void add(long fingerprint) {
        slots[index(fingerprint)] = fingerprint;
    }

    private static int index(long fingerprint) {
        return (int) (fingerprint ^ (fingerprint >>> 32)) & (SLOTS - 1);
    }
}
