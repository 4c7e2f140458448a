package io.asynccrawler.crawl;

import io.asynccrawler.crawl.FrontierStore.Excluded;
import io.asynccrawler.crawl.FrontierStore.Found;
import io.asynccrawler.fetch.Reason;
import io.asynccrawler.fetch.Via;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The keys and values of {@link RocksFrontierStore}, in one key space sorted bytewise: {@code s} +
 * fingerprint (the seen-set), {@code q} + host + 0 + seq (a host's queue in order), {@code x} +
 * fingerprint (URLs met and excluded, not yet reported), {@code d} + fingerprint (URLs excluded
 * and reported, kept for a run whose options let them through: {@code d} since the first kept were
 * the too deep), {@code c} + host (URLs of the host
 * admitted), {@code n} + host (URLs of the host queued), {@code h} + host (present while the host
 * has URLs queued), {@code p} + fingerprint (output names given: {@link StoreNames}),
 * {@code m} + name (counters, the fingerprint key, the format).
 * The round over hosts reads the {@code h} keys, written only as a host's queue fills or empties:
 * reading the queues themselves would step over a tombstone for every URL that ended (a RocksDB
 * delete is a tombstone until compaction), which made a 20,000-page crawl quadratic.
 */
final class FrontierKeys {
    static final byte SEEN = 's';
    static final byte QUEUE = 'q';
    static final byte EXCLUDED = 'x';
    static final byte KEPT = 'd';
    static final byte HOST_COUNT = 'c';
    static final byte META = 'm';
    static final byte HOST = 'h';
    static final byte HOST_QUEUED = 'n';
    static final byte NAME = 'p';
    /** A seen URL's value: in its host's queue, or ended. */
    static final byte QUEUED = 1;
    static final byte ENDED = 2;

    private FrontierKeys() {
    }

    static byte[] seen(long fingerprint) {
        return ByteBuffer.allocate(9).put(SEEN).putLong(fingerprint).array();
    }

    static byte[] excluded(long fingerprint) {
        return ByteBuffer.allocate(9).put(EXCLUDED).putLong(fingerprint).array();
    }

    static byte[] kept(long fingerprint) {
        return ByteBuffer.allocate(9).put(KEPT).putLong(fingerprint).array();
    }

    static byte[] hostCount(String host) {
        byte[] h = host.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(h.length + 1).put(HOST_COUNT).put(h).array();
    }

    static byte[] host(String host) {
        byte[] h = host.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(h.length + 1).put(HOST).put(h).array();
    }

    /** The first key after {@link #host(String)} of {@code host}: no host name holds a 0 byte. */
    static byte[] hostAfter(String host) {
        byte[] h = host.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(h.length + 2).put(HOST).put(h).put((byte) 0).array();
    }

    static byte[] hostQueued(String host) {
        byte[] h = host.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(h.length + 1).put(HOST_QUEUED).put(h).array();
    }

    static byte[] hostPrefix(String host) {
        byte[] h = host.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(h.length + 2).put(QUEUE).put(h).put((byte) 0).array();
    }

    static byte[] queue(String host, long seq) {
        byte[] prefix = hostPrefix(host);
        return ByteBuffer.allocate(prefix.length + 8).put(prefix).putLong(seq).array();
    }

    static byte[] meta(String name) {
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(n.length + 1).put(META).put(n).array();
    }

    static byte[] longBytes(long v) {
        return ByteBuffer.allocate(8).putLong(v).array();
    }

    static long longOf(byte[] v) {
        return v == null ? 0 : ByteBuffer.wrap(v).getLong();
    }

    static boolean startsWith(byte[] key, byte[] prefix) {
        if (key.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (key[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The key a URL is queued under: its host, lower case. */
    static String hostOf(URI uri) {
        return uri.getHost().toLowerCase(Locale.ROOT);
    }

    static byte[] encode(Found f) {
        return put(ByteBuffer.allocate(size(f)), f).array();
    }

    /** An exclusion: the URL as {@link #encode(Found)}, then the reason's word and the detail. */
    static byte[] encode(Excluded x) {
        byte[] reason = x.reason().word().getBytes(StandardCharsets.US_ASCII);
        byte[] detail = x.detail() == null ? null : x.detail().getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(size(x.found()) + 4 + reason.length + 4 + (detail == null ? 0 : detail.length));
        put(b, x.found());
        putBytes(b, reason);
        putBytes(b, detail);
        return b.array();
    }

    static Found decode(byte[] value) {
        return get(ByteBuffer.wrap(value));
    }

    static Excluded decodeExcluded(byte[] value) {
        ByteBuffer b = ByteBuffer.wrap(value);
        Found f = get(b);
        String word = getString(b);
        Reason reason = Reason.ERROR;
        for (Reason r : Reason.values()) {
            if (r.word().equals(word)) {
                reason = r;
            }
        }
        return new Excluded(f, reason, getString(b));
    }

    private static int size(Found f) {
        return 4 + 1 + 4 + utf8(f.uri().toString()).length + 4 + (f.referrer() == null ? 0 : utf8(f.referrer()).length) + 4;
    }

    private static ByteBuffer put(ByteBuffer b, Found f) {
        b.putInt(f.depth()).put((byte) f.via().ordinal());
        putBytes(b, utf8(f.uri().toString()));
        putBytes(b, f.referrer() == null ? null : utf8(f.referrer()));
        return b.putInt(f.hops());
    }

    private static Found get(ByteBuffer b) {
        int depth = b.getInt();
        Via via = Via.values()[b.get()];
        URI uri = URI.create(getString(b));
        String referrer = getString(b);
        return new Found(uri, depth, via, referrer, b.getInt());
    }

    private static void putBytes(ByteBuffer b, byte[] bytes) {
        b.putInt(bytes == null ? -1 : bytes.length);
        if (bytes != null) {
            b.put(bytes);
        }
    }

    private static String getString(ByteBuffer b) {
        int length = b.getInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
