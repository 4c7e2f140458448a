package io.asynccrawler.crawl;

import io.asynccrawler.save.NameSet;
import io.asynccrawler.save.SipHash;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * The output names a crawl has given ({@code p} + fingerprint keys of {@link RocksFrontierStore}):
 * kept with the frontier, so that a crawl run again after a kill names a URL as one run would
 * have ({@code x~2.html} when an earlier run's URL took {@code x.html}, where a claim in memory
 * would have handed {@code x.html} out again and the URL been skipped as saved; a URL in flight at
 * the kill gets its own name back, as each name keeps its owner's fingerprint), and so that the
 * heap does not hold a fingerprint for each of a million pages. Written as the WAL is, unsynced: a
 * name is claimed before its file is written. Used under the job's {@code PathClaims} lock.
 */
final class StoreNames implements NameSet {
    private static final byte[] NO_OWNER = new byte[0];
    private final RocksDB db;
    private final WriteOptions write;
    private final SipHash sip;

    StoreNames(RocksDB db, WriteOptions write, SipHash sip) {
        this.db = db;
        this.write = write;
        this.sip = sip;
    }

    @Override
    public boolean contains(String name) {
        try {
            return db.get(key(name)) != null;
        } catch (RocksDBException e) {
            throw new IllegalStateException("crawl state: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean add(String name) {
        return add(name, null);
    }

    /** The value is the owner's fingerprint (none for a directory's name, which any URL may go through). */
    @Override
    public boolean add(String name, String owner) {
        byte[] key = key(name);
        byte[] mine = owner == null ? NO_OWNER : ByteBuffer.allocate(8).putLong(fingerprint(owner)).array();
        try {
            byte[] given = db.get(key);
            if (given != null) {
                return owner != null && Arrays.equals(given, mine); // in flight at a kill: its name again
            }
            db.put(write, key, mine);
            return true;
        } catch (RocksDBException e) {
            throw new IllegalStateException("crawl state: " + e.getMessage(), e);
        }
    }

    @Override
    public void remove(String name, String owner) {
        byte[] key = key(name);
        try {
            byte[] given = db.get(key);
            if (given != null && owner != null && Arrays.equals(given, ByteBuffer.allocate(8).putLong(fingerprint(owner)).array())) {
                db.delete(write, key);
            }
        } catch (RocksDBException e) {
            throw new IllegalStateException("crawl state: " + e.getMessage(), e);
        }
    }

    private byte[] key(String name) {
        return ByteBuffer.allocate(9).put(FrontierKeys.NAME).putLong(fingerprint(name)).array();
    }

    private long fingerprint(String s) {
        return sip.hash(s.getBytes(StandardCharsets.UTF_8));
    }
}
