package io.asynccrawler.save;

/**
 * SipHash-2-4 (Aumasson and Bernstein, 2012): a 64-bit keyed hash. Without the key, nobody can
 * make two strings collide on purpose, so a random key per run keeps fingerprint sets safe from a
 * crafted URL list; and it is several times cheaper than SHA-256 where no intrinsic compiles it
 * (the launcher's C1). Thread-safe: an earlier form kept its state in fields, and one instance
 * shared by two threads gave a seen URL a wrong fingerprint (it was fetched twice).
 */
public final class SipHash {
    private final long k0;
    private final long k1;

    public SipHash(long k0, long k1) {
        this.k0 = k0;
        this.k1 = k1;
    }

    /** The hash of {@code m}. Thread-safe: the state is the call's (a round is written out where it runs). */
    public long hash(byte[] m) {
        long[] v = {0x736f6d6570736575L ^ k0, 0x646f72616e646f6dL ^ k1, 0x6c7967656e657261L ^ k0, 0x7465646279746573L ^ k1};
        int len = m.length;
        int whole = len & ~7;
        for (int i = 0; i < whole; i += 8) {
            compress(v, littleEndian(m, i));
        }
        long last = (long) len << 56;
        for (int i = whole; i < len; i++) {
            last |= (m[i] & 0xffL) << ((i - whole) * 8);
        }
        compress(v, last);
        v[2] ^= 0xff;
        round(v);
        round(v);
        round(v);
        round(v);
        return v[0] ^ v[1] ^ v[2] ^ v[3];
    }

    private static void compress(long[] v, long word) {
        v[3] ^= word;
        round(v);
        round(v);
        v[0] ^= word;
    }

    private static void round(long[] v) {
        long v0 = v[0];
        long v1 = v[1];
        long v2 = v[2];
        long v3 = v[3];
        v0 += v1;
        v1 = Long.rotateLeft(v1, 13) ^ v0;
        v0 = Long.rotateLeft(v0, 32);
        v2 += v3;
        v3 = Long.rotateLeft(v3, 16) ^ v2;
        v0 += v3;
        v3 = Long.rotateLeft(v3, 21) ^ v0;
        v2 += v1;
        v1 = Long.rotateLeft(v1, 17) ^ v2;
        v2 = Long.rotateLeft(v2, 32);
        v[0] = v0;
        v[1] = v1;
        v[2] = v2;
        v[3] = v3;
    }

    private static long littleEndian(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24
                | (b[at + 4] & 0xffL) << 32 | (b[at + 5] & 0xffL) << 40 | (b[at + 6] & 0xffL) << 48
                | (b[at + 7] & 0xffL) << 56;
    }
}
