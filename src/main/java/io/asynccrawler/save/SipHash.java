package io.asynccrawler.save;

/**
 * SipHash-2-4 (Aumasson and Bernstein, 2012): a 64-bit keyed hash. Without the key, nobody can
 * make two strings collide on purpose, so a random key per run keeps fingerprint sets safe from a
 * crafted URL list; and it is several times cheaper than SHA-256 where no intrinsic compiles it
 * (the launcher's C1). One instance per thread: it keeps its state in fields.
 */
public final class SipHash {
    private final long k0;
    private final long k1;
    private long v0;
    private long v1;
    private long v2;
    private long v3;

    public SipHash(long k0, long k1) {
        this.k0 = k0;
        this.k1 = k1;
    }

    public long hash(byte[] m) {
        v0 = 0x736f6d6570736575L ^ k0;
        v1 = 0x646f72616e646f6dL ^ k1;
        v2 = 0x6c7967656e657261L ^ k0;
        v3 = 0x7465646279746573L ^ k1;
        int len = m.length;
        int whole = len & ~7;
        for (int i = 0; i < whole; i += 8) {
            compress(littleEndian(m, i));
        }
        long last = (long) len << 56;
        for (int i = whole; i < len; i++) {
            last |= (m[i] & 0xffL) << ((i - whole) * 8);
        }
        compress(last);
        v2 ^= 0xff;
        round();
        round();
        round();
        round();
        return v0 ^ v1 ^ v2 ^ v3;
    }

    private void compress(long word) {
        v3 ^= word;
        round();
        round();
        v0 ^= word;
    }

    private void round() {
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
    }

    private static long littleEndian(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24
                | (b[at + 4] & 0xffL) << 32 | (b[at + 5] & 0xffL) << 40 | (b[at + 6] & 0xffL) << 48
                | (b[at + 7] & 0xffL) << 56;
    }
}
