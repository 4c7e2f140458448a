package io.asynccrawler.save;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * A set of strings kept as 64-bit fingerprints in one open-addressed {@code long[]}, at most three
 * quarters full: 11-21 bytes per entry (by where the table is between doublings) instead of a String
 * and a hash node, so a list of millions of URLs stays small (ten million URLs: 128 MB for the URLs
 * seen, as much for the names claimed). Two
 * different strings share a fingerprint with probability about n²/2⁶⁵ (10⁻⁶ at ten million): the
 * fingerprint is SipHash under a key drawn for each set, so a list cannot be crafted to make one
 * URL pass for another. Not thread-safe: each set is used by the one thread that reads the input.
 */
public final class FingerprintSet implements NameSet {
    private static final long EMPTY = 0;
    private static final SecureRandom KEYS = new SecureRandom();
    private final SipHash sip = new SipHash(KEYS.nextLong(), KEYS.nextLong());
    private long[] slots = new long[1024];
    private int size;

    /** Adds {@code s}; false if it (or a string with the same fingerprint) was already present. */
    @Override
    public boolean add(String s) {
        long f = fingerprint(s);
        if (size >= slots.length - (slots.length >> 2)) { // linear probing stays short up to 3/4 full
            grow();
        }
        return insert(slots, f);
    }

    /** Whether {@code s} (or a string with the same fingerprint) is present. */
    @Override
    public boolean contains(String s) {
        long f = fingerprint(s);
        int mask = slots.length - 1;
        for (int i = home(f, mask); ; i = (i + 1) & mask) {
            if (slots[i] == EMPTY) {
                return false;
            }
            if (slots[i] == f) {
                return true;
            }
        }
    }

    /**
     * Removes {@code s}. Owners are not kept: a set for one job gives each name once, so whoever
     * gives a name back holds it. The entries after it in its probe run move back into the hole
     * (backward-shift deletion), so no tombstone lengthens later probes.
     */
    @Override
    public void remove(String s, String owner) {
        long f = fingerprint(s);
        int mask = slots.length - 1;
        int hole = home(f, mask);
        while (slots[hole] != f) {
            if (slots[hole] == EMPTY) {
                return;
            }
            hole = (hole + 1) & mask;
        }
        for (int j = (hole + 1) & mask; slots[j] != EMPTY; j = (j + 1) & mask) {
            // slots[j] may fill the hole if the hole lies on its way from its home slot to j
            if (((j - home(slots[j], mask)) & mask) >= ((j - hole) & mask)) {
                slots[hole] = slots[j];
                hole = j;
            }
        }
        slots[hole] = EMPTY;
        size--;
    }

    public int size() {
        return size;
    }

    /** Slots in the table (tests). */
    int capacity() {
        return slots.length;
    }

    private boolean insert(long[] table, long f) {
        int mask = table.length - 1;
        for (int i = home(f, mask); ; i = (i + 1) & mask) {
            if (table[i] == EMPTY) {
                table[i] = f;
                size++;
                return true;
            }
            if (table[i] == f) {
                return false;
            }
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        for (long f : old) {
            if (f != EMPTY) {
                insert(slots, f);
            }
        }
    }

    private static int home(long f, int mask) {
        return (int) (f ^ (f >>> 32)) & mask;
    }

    private long fingerprint(String s) {
        long f = sip.hash(s.getBytes(StandardCharsets.UTF_8));
        return f == EMPTY ? 1 : f;
    }
}
