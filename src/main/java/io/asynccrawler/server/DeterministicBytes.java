package io.asynccrawler.server;

import io.netty.buffer.ByteBuf;

/**
 * The bodies of {@code /bytes/{n}}: byte {@code i} for seed {@code s} is the same on every run and
 * every machine. Counter-based (SplitMix64 of the word index), so any offset is computed directly.
 */
public final class DeterministicBytes {
    private DeterministicBytes() {
    }

    /** Bytes {@code [offset, offset + length)} of the stream for {@code seed}, as an array (for checks). */
    public static byte[] bytes(long seed, long offset, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = byteAt(seed, offset + i);
        }
        return out;
    }

    /** Appends bytes {@code [offset, offset + length)} of the stream for {@code seed} to {@code dst}. */
    static void write(ByteBuf dst, long seed, long offset, int length) {
        long pos = offset;
        long end = offset + length;
        while (pos < end && (pos & 7) != 0) {
            dst.writeByte(byteAt(seed, pos++));
        }
        while (end - pos >= 8) {
            dst.writeLongLE(word(seed, pos >>> 3));
            pos += 8;
        }
        while (pos < end) {
            dst.writeByte(byteAt(seed, pos++));
        }
    }

    static byte byteAt(long seed, long pos) {
        return (byte) (word(seed, pos >>> 3) >>> ((pos & 7) * 8));
    }

    private static long word(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + (index + 1) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
