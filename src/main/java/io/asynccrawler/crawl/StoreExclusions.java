package io.asynccrawler.crawl;

import io.asynccrawler.crawl.FrontierStore.Excluded;
import java.nio.charset.StandardCharsets;
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
 * ({@code x} keys, read on from the last one given), then kept ({@code d} keys) for a run whose
 * options let them through: a larger {@code --depth} or {@code --max-pages}, a wider scope,
 * {@code --no-robots}.
 */
final class StoreExclusions {
    /** The meta key of the options the last look at the kept exclusions judged them by. */
    private static final String JUDGED_BY = "kept-judged-by";
    /** Exclusions handed to the store a batch at a time when a run's options let them through. */
    private static final int BATCH = 1000;

    private final RocksDB db;
    private final WriteOptions write;
    /**
     * The last exclusion {@link #take} gave, or null: the next call goes on after it. An exclusion
     * kept later with a key before it waits for the next run (a crawl that ends keeps none).
     */
    private byte[] excludedAfter;
    /** Fingerprints {@link #has} found kept: a site's pages link the same URLs out over and over. */
    private final KnownFingerprints known = new KnownFingerprints();

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
                out.add(FrontierKeys.decodeExcluded(it.value()));
                batch.delete(it.key());
                byte[] kept = it.key().clone();
                kept[0] = FrontierKeys.KEPT; // the same fingerprint, kept apart
                batch.put(kept, it.value());
                excludedAfter = it.key();
            }
            db.write(write, batch);
        } catch (RocksDBException ex) {
            throw new IllegalStateException("crawl state: " + ex.getMessage(), ex);
        }
        return out;
    }

    /**
     * Whether an exclusion is kept for {@code fingerprint}, reported or not: the first reason met
     * stands, and one reported by an earlier run is not reported again.
     */
    boolean has(long fingerprint) throws RocksDBException {
        if (known.contains(fingerprint)) {
            return true;
        }
        boolean has = db.get(FrontierKeys.excluded(fingerprint)) != null || db.get(FrontierKeys.kept(fingerprint)) != null;
        if (has) {
            known.add(fingerprint);
        }
        return has;
    }

    /**
     * Whether {@code fingerprint} surely has an exclusion kept, or was admitted since (its keys are
     * removed only when it is admitted): an answer from memory; false means "ask {@link #has}".
     */
    boolean knownKept(long fingerprint) {
        return known.contains(fingerprint);
    }

    /**
     * As {@link FrontierStore#admitKept}: every exclusion kept, reported or not, that {@code
     * allowedNow} lets through goes to {@code readmit} (which admits it or leaves it kept), unless
     * {@code options} are those the last full look judged them by.
     */
    long admitKept(String options, Predicate<Excluded> allowedNow, Function<List<Excluded>, Integer> readmit) {
        byte[] judged = options.getBytes(StandardCharsets.UTF_8);
        try {
            if (Arrays.equals(db.get(FrontierKeys.meta(JUDGED_BY)), judged)) {
                return 0;
            }
            long admitted = admitKept(FrontierKeys.EXCLUDED, allowedNow, readmit) + admitKept(FrontierKeys.KEPT, allowedNow, readmit);
            db.put(write, FrontierKeys.meta(JUDGED_BY), judged); // after the look: a kill during it looks again
            return admitted;
        } catch (RocksDBException ex) {
            throw new IllegalStateException("crawl state: " + ex.getMessage(), ex);
        }
    }

    private long admitKept(byte prefix, Predicate<Excluded> allowedNow, Function<List<Excluded>, Integer> readmit) {
        long admitted = 0;
        List<Excluded> allowed = new ArrayList<>();
        try (RocksIterator it = db.newIterator()) {
            for (it.seek(new byte[] {prefix}); it.isValid() && it.key()[0] == prefix; it.next()) {
                Excluded x = FrontierKeys.decodeExcluded(it.value());
                if (allowedNow.test(x)) {
                    allowed.add(x);
                }
                if (allowed.size() == BATCH) {
                    admitted += readmit.apply(allowed);
                    allowed.clear();
                }
            }
        }
        return admitted + readmit.apply(allowed);
    }
}
