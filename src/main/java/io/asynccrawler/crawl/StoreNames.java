package io.asynccrawler.crawl;

import io.asynccrawler.save.NameSet;
import io.asynccrawler.save.SipHash;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * The output names a crawl has given ({@code p} + fingerprint keys of {@link RocksFrontierStore}):
 * kept with the frontier, so that a crawl run again after a kill names a URL as one run would
 * have ({@code x~2.html} when an earlier run's URL took {@code x.html}, where a claim in memory
 * would have handed {@code x.html} out again and the URL been skipped as saved), and so that the
 * heap does not hold a fingerprint for each of a million pages. Written as the WAL is, unsynced: a
 * name is claimed before its file is written. Used by the job's one reading thread, with a SipHash
 * of its own (one keeps its state in fields: shared with the link threads, it gave seen URLs wrong
 * fingerprints, and they were fetched twice).
 */
final class StoreNames implements NameSet {
    private static final byte[] PRESENT = new byte[0];
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
        byte[] key = key(name);
        try {
            if (db.get(key) != null) {
                return false;
            }
            db.put(write, key, PRESENT);
            return true;
        } catch (RocksDBException e) {
            throw new IllegalStateException("crawl state: " + e.getMessage(), e);
        }
    }

    private byte[] key(String name) {
        return ByteBuffer.allocate(9).put(FrontierKeys.NAME).putLong(sip.hash(name.getBytes(StandardCharsets.UTF_8))).array();
    }
}
