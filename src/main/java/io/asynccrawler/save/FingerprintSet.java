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
        for (int i = (int) (f ^ (f >>> 32)) & mask; ; i = (i + 1) & mask) {
            if (slots[i] == EMPTY) {
                return false;
            }
            if (slots[i] == f) {
                return true;
            }
        }
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
        for (int i = (int) (f ^ (f >>> 32)) & mask; ; i = (i + 1) & mask) {
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

    private long fingerprint(String s) {
        long f = sip.hash(s.getBytes(StandardCharsets.UTF_8));
        return f == EMPTY ? 1 : f;
    }
}
