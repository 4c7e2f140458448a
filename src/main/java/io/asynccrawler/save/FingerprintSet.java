package io.asynccrawler.save;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * A set of strings kept as 64-bit fingerprints in one open-addressed {@code long[]}: 16 bytes per
 * entry instead of a String and a hash node, so a list of millions of URLs stays small. Two
 * different strings share a fingerprint with probability about n²/2⁶⁵ (10⁻⁶ at ten million): the
 * fingerprint is SipHash under a key drawn for each set, so a list cannot be crafted to make one
 * URL pass for another. Not thread-safe: each set is used by the one thread that reads the input.
 */
public final class FingerprintSet {
    private static final long EMPTY = 0;
    private static final SecureRandom KEYS = new SecureRandom();
    private final SipHash sip = new SipHash(KEYS.nextLong(), KEYS.nextLong());
    private long[] slots = new long[1024];
    private int size;

    /** Adds {@code s}; false if it (or a string with the same fingerprint) was already present. */
    public boolean add(String s) {
        long f = fingerprint(s);
        if (size * 2 >= slots.length) {
            grow();
        }
        return insert(slots, f);
    }

    /** Whether {@code s} (or a string with the same fingerprint) is present. */
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
