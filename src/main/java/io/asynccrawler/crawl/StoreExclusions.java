package io.asynccrawler.crawl;

import io.asynccrawler.crawl.FrontierStore.Excluded;
import io.asynccrawler.crawl.FrontierStore.Found;
import io.asynccrawler.crawl.FrontierStore.Queued;
import io.asynccrawler.fetch.Reason;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The URLs {@link RocksFrontierStore} keeps as excluded: given to the crawl's report at its end
 * ({@code x} keys, read on from the last one given), and those too deep kept after that ({@code d}
 * keys) for a run with a larger depth.
 */
final class StoreExclusions {
    private final RocksDB db;
    private final WriteOptions write;
    /**
     * The last exclusion {@link #take} gave, or null: the next call goes on after it. An exclusion
     * kept later with a key before it waits for the next run (a crawl that ends keeps none).
     */
    private byte[] excludedAfter;

    StoreExclusions(RocksDB db, WriteOptions write) {
        this.db = db;
        this.write = write;
    }

    /** As {@link FrontierStore#takeExcluded}; called under the store's lock. */
    List<Excluded> take(int max) {
        List<Excluded> out = new ArrayList<>();
        try (RocksIterator it = db.newIterator(); WriteBatch batch = new WriteBatch()) {
            // from where the last call stopped: the keys before it are tombstones, which a seek from
            // the first would step over one by one (264,000 exclusions took minutes that way)
            it.seek(excludedAfter != null ? excludedAfter : new byte[] {FrontierKeys.EXCLUDED});
            if (excludedAfter != null && it.isValid() && Arrays.equals(it.key(), excludedAfter)) {
                it.next();
            }
            for (; it.isValid() && out.size() < max && it.key()[0] == FrontierKeys.EXCLUDED; it.next()) {
                Excluded x = FrontierKeys.decodeExcluded(it.value());
                out.add(x);
                batch.delete(it.key());
                if (x.reason() == Reason.TOO_DEEP) {
                    byte[] deep = it.key().clone();
                    deep[0] = FrontierKeys.TOO_DEEP; // the same fingerprint, kept apart
                    batch.put(deep, it.value());
                }
                excludedAfter = it.key();
            }
            db.write(write, batch);
        } catch (RocksDBException ex) {
            throw new IllegalStateException("crawl state: " + ex.getMessage(), ex);
        }
        return out;
    }

    /** As {@link FrontierStore#admitKeptTooDeep}, admitting through {@code admit}. */
    long admitKeptTooDeep(int maxDepth, Predicate<URI> inScope, Function<List<Found>, List<Queued>> admit) {
        long admitted = 0;
        List<Found> found = new ArrayList<>();
        List<byte[]> keys = new ArrayList<>();
        try (RocksIterator it = db.newIterator()) {
            for (it.seek(new byte[] {FrontierKeys.TOO_DEEP}); it.isValid() && it.key()[0] == FrontierKeys.TOO_DEEP; it.next()) {
                Found f = FrontierKeys.decodeExcluded(it.value()).found();
                if (f.depth() <= maxDepth && inScope.test(f.uri())) {
                    found.add(f);
                    keys.add(it.key());
                }
                if (found.size() == 1000) {
                    admitted += admitAndForget(found, keys, admit);
                }
            }
            return admitted + admitAndForget(found, keys, admit);
        } catch (RocksDBException ex) {
            throw new IllegalStateException("crawl state: " + ex.getMessage(), ex);
        }
    }

    /**
     * Admits {@code found}, then deletes their too-deep {@code keys}: a kill between the two leaves
     * keys whose URLs the seen-set already has, and the next run drops them the same way.
     */
    private long admitAndForget(List<Found> found, List<byte[]> keys, Function<List<Found>, List<Queued>> admit)
            throws RocksDBException {
        long admitted = admit.apply(found).size();
        try (WriteBatch batch = new WriteBatch()) {
            for (byte[] key : keys) {
                batch.delete(key);
            }
            db.write(write, batch);
        }
        found.clear();
        keys.clear();
        return admitted;
    }
}
