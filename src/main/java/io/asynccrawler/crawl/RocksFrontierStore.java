package io.asynccrawler.crawl;

import io.asynccrawler.save.SipHash;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The frontier store on RocksDB (bench/NOTES.md says why this one). Keys, in one key space:
 * {@code s} + a URL's 64-bit fingerprint -> queued or ended (the seen-set); {@code q} + host +
 * 0 + seq -> the URL and what the crawl knows of it (a host's queue in order); {@code m} + name ->
 * the next seq, the counts and the fingerprint key. Each change is one WriteBatch in the write-ahead
 * log, written to the operating system before the call returns but not synced: a killed process
 * loses nothing; a lost machine may lose the last moments, which the crawl then does again.
 * Fingerprints are SipHash under a key drawn when the store is made and kept in it, so a site
 * cannot craft URLs that collide, and a store opened again finds its URLs.
 */
public final class RocksFrontierStore implements FrontierStore {
    private static final byte SEEN = 's';
    private static final byte QUEUE = 'q';
    private static final byte META = 'm';
    private static final byte QUEUED = 1;
    private static final byte ENDED = 2;
    /** Memory RocksDB may take, native: two 16 MiB memtables, the default 8 MiB block cache. */
    private static final long WRITE_BUFFER = 16L << 20;
    /** Files RocksDB keeps open at most (its default is unlimited): they count against ulimit -n with the sockets. */
    private static final int MAX_OPEN_FILES = 64;

    static {
        RocksDB.loadLibrary();
    }

    private final Options options;
    private final WriteOptions write;
    private final RocksDB db;
    private final SipHash sip;
    private long nextSeq;
    private long queued;
    private long ended;

    private RocksFrontierStore(Options options, RocksDB db) throws RocksDBException {
        this.options = options;
        this.db = db;
        this.write = new WriteOptions().setSync(false); // the WAL reaches the OS at each write: safe from kill -9
        byte[] key = db.get(meta("key"));
        if (key == null) {
            key = new byte[16];
            new SecureRandom().nextBytes(key);
            db.put(write, meta("key"), key);
        }
        ByteBuffer k = ByteBuffer.wrap(key);
        this.sip = new SipHash(k.getLong(), k.getLong());
        this.nextSeq = readLong("seq");
        this.queued = readLong("queued");
        this.ended = readLong("ended");
    }

    /** Opens the store in {@code dir}, made if missing; what an earlier run left there is continued. */
    public static RocksFrontierStore open(Path dir) throws IOException {
        Files.createDirectories(dir);
        Options options = new Options().setCreateIfMissing(true).setWriteBufferSize(WRITE_BUFFER)
                .setMaxWriteBufferNumber(2).setMaxOpenFiles(MAX_OPEN_FILES);
        try {
            return new RocksFrontierStore(options, RocksDB.open(options, dir.toString()));
        } catch (RocksDBException e) {
            options.close();
            throw new IOException("cannot open the crawl state in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The key a URL is queued under: its host, lower case. */
    static String hostOf(URI uri) {
        return uri.getHost().toLowerCase(Locale.ROOT);
    }

    @Override
    public synchronized List<Queued> admit(List<Found> found) {
        return ended(null, found);
    }

    @Override
    public synchronized List<Queued> ended(Queued page, List<Found> found) {
        List<Queued> admitted = new ArrayList<>();
        Set<Long> inBatch = new HashSet<>();
        long seq = nextSeq;
        long q = queued;
        long e = ended;
        try (WriteBatch batch = new WriteBatch()) {
            if (page != null) {
                byte[] pageKey = seenKey(fingerprint(page.found().uri()));
                byte[] state = db.get(pageKey);
                if (state != null && state[0] == QUEUED) { // a page told twice ends once
                    batch.delete(queueKey(page.host(), page.seq()));
                    batch.put(pageKey, new byte[] {ENDED});
                    q--;
                    e++;
                }
            }
            for (Found f : found) {
                long fp = fingerprint(f.uri());
                if (!inBatch.add(fp) || db.get(seenKey(fp)) != null) {
                    continue;
                }
                Queued entry = new Queued(hostOf(f.uri()), seq++, f);
                batch.put(seenKey(fp), new byte[] {QUEUED});
                batch.put(queueKey(entry.host(), entry.seq()), encode(f));
                admitted.add(entry);
                q++;
            }
            batch.put(meta("seq"), longBytes(seq));
            batch.put(meta("queued"), longBytes(q));
            batch.put(meta("ended"), longBytes(e));
            db.write(write, batch);
        } catch (RocksDBException ex) {
            throw new IllegalStateException("crawl state: " + ex.getMessage(), ex);
        }
        nextSeq = seq;
        queued = q;
        ended = e;
        return admitted;
    }

    @Override
    public List<Queued> queuedAfter(String host, long afterSeq, int max) {
        List<Queued> out = new ArrayList<>();
        byte[] prefix = hostPrefix(host);
        try (RocksIterator it = db.newIterator()) {
            for (it.seek(queueKey(host, afterSeq + 1)); it.isValid() && out.size() < max && startsWith(it.key(), prefix); it.next()) {
                long seq = ByteBuffer.wrap(it.key()).getLong(prefix.length);
                out.add(new Queued(host, seq, decode(it.value())));
            }
        }
        return out;
    }

    @Override
    public List<String> hostsAfter(String after, int max) {
        List<String> out = new ArrayList<>();
        byte[] from = after == null ? new byte[] {QUEUE} : hostEnd(after);
        try (RocksIterator it = db.newIterator()) {
            while (out.size() < max) {
                it.seek(from);
                if (!it.isValid() || it.key()[0] != QUEUE) {
                    break;
                }
                byte[] key = it.key();
                int zero = 1;
                while (key[zero] != 0) {
                    zero++;
                }
                String host = new String(key, 1, zero - 1, StandardCharsets.UTF_8);
                out.add(host);
                from = hostEnd(host);
            }
        }
        return out;
    }

    @Override
    public synchronized long queued() {
        return queued;
    }

    @Override
    public synchronized long ended() {
        return ended;
    }

    @Override
    public synchronized void close() {
        db.close();
        write.close();
        options.close();
    }

    private long fingerprint(URI uri) {
        return sip.hash(uri.toString().getBytes(StandardCharsets.UTF_8));
    }

    private long readLong(String name) throws RocksDBException {
        byte[] v = db.get(meta(name));
        return v == null ? 0 : ByteBuffer.wrap(v).getLong();
    }

    private static byte[] seenKey(long fingerprint) {
        return ByteBuffer.allocate(9).put(SEEN).putLong(fingerprint).array();
    }

    private static byte[] hostPrefix(String host) {
        byte[] h = host.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(h.length + 2).put(QUEUE).put(h).put((byte) 0).array();
    }

    /** The first key past every key of {@code host}'s queue (0 ends a host, 1 sorts after it). */
    private static byte[] hostEnd(String host) {
        byte[] h = host.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(h.length + 2).put(QUEUE).put(h).put((byte) 1).array();
    }

    private static byte[] queueKey(String host, long seq) {
        byte[] prefix = hostPrefix(host);
        return ByteBuffer.allocate(prefix.length + 8).put(prefix).putLong(seq).array();
    }

    private static byte[] meta(String name) {
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(n.length + 1).put(META).put(n).array();
    }

    private static byte[] longBytes(long v) {
        return ByteBuffer.allocate(8).putLong(v).array();
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
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

    private static byte[] encode(Found f) {
        byte[] uri = f.uri().toString().getBytes(StandardCharsets.UTF_8);
        byte[] referrer = f.referrer() == null ? null : f.referrer().getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(4 + 1 + 4 + uri.length + 4 + (referrer == null ? 0 : referrer.length));
        b.putInt(f.depth()).put((byte) f.via().ordinal()).putInt(uri.length).put(uri);
        b.putInt(referrer == null ? -1 : referrer.length);
        if (referrer != null) {
            b.put(referrer);
        }
        return b.array();
    }

    private static Found decode(byte[] value) {
        ByteBuffer b = ByteBuffer.wrap(value);
        int depth = b.getInt();
        Via via = Via.values()[b.get()];
        byte[] uri = new byte[b.getInt()];
        b.get(uri);
        int length = b.getInt();
        String referrer = null;
        if (length >= 0) {
            byte[] r = new byte[length];
            b.get(r);
            referrer = new String(r, StandardCharsets.UTF_8);
        }
        return new Found(URI.create(new String(uri, StandardCharsets.UTF_8)), depth, via, referrer);
    }
}
