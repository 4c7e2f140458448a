package io.asynccrawler.crawl;

import io.asynccrawler.fetch.Reason;
import io.asynccrawler.save.NameSet;
import io.asynccrawler.save.SipHash;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The frontier store on RocksDB (bench/NOTES.md says why this one); {@link FrontierKeys} says
 * what its keys are: the seen-set (a URL's 64-bit fingerprint -> queued or ended), each host's
 * queue, the URLs excluded and not yet reported, counts. Each change is one WriteBatch in the write-ahead
 * log, written to the operating system before the call returns but not synced: a killed process
 * loses nothing; a lost machine may lose the last moments, which the crawl then does again.
 * Fingerprints are SipHash under a key drawn when the store is made and kept in it, so a site
 * cannot craft URLs that collide, and a store opened again finds its URLs.
 */
public final class RocksFrontierStore implements FrontierStore {
    /** The layout of the keys: 2 added the host index, 3 its count of hosts. */
    private static final long FORMAT = 3;
    private static final byte QUEUED = 1;
    private static final byte ENDED = 2;
    /** Memory RocksDB may take, native: two 16 MiB memtables, the default 8 MiB block cache. */
    private static final long WRITE_BUFFER = 16L << 20;
    /** Native memory for the store's recently read blocks: the default 8 MiB, and no more. */
    private static final long BLOCK_CACHE = 8L << 20;
    /** Files RocksDB keeps open at most (its default is unlimited): they count against ulimit -n with the sockets. */
    private static final int MAX_OPEN_FILES = 64;

    static {
        RocksDB.loadLibrary();
    }

    /**
     * The native parts of every store's tables, made once a process (a process crawls with one
     * store; tests that open several share them) and never freed: they live as long as the process.
     */
    private static final class TableParts {
        static final BloomFilter FILTER = new BloomFilter(10, false);
        static final LRUCache CACHE = new LRUCache(BLOCK_CACHE);
    }

    private final Options options;
    private final WriteOptions write;
    private final RocksDB db;
    private final SipHash sip;
    private long nextSeq;
    /** Read without the lock (the frontier asks often): written under it. */
    private volatile long queued;
    private volatile long ended;
    private volatile long hosts;
    private final StoreExclusions exclusions;
    private final StoreNames names;
    private final SeenCache seen = new SeenCache();

    private RocksFrontierStore(Options options, RocksDB db) throws RocksDBException {
        this.options = options;
        this.db = db;
        this.write = new WriteOptions().setSync(false); // the WAL reaches the OS at each write: safe from kill -9
        this.exclusions = new StoreExclusions(db, write);
        byte[] key = db.get(FrontierKeys.meta("key"));
        if (key == null) {
            key = new byte[16];
            new SecureRandom().nextBytes(key);
            db.put(write, FrontierKeys.meta("key"), key);
        }
        ByteBuffer k = ByteBuffer.wrap(key);
        this.sip = new SipHash(k.getLong(), k.getLong());
        this.names = new StoreNames(db, write, sip);
        this.nextSeq = readLong("seq");
        this.queued = readLong("queued");
        this.ended = readLong("ended");
        this.hosts = readLong("hosts");
        if (readLong("format") < FORMAT) {
            hosts = StoreMigration.indexHosts(db, write, FORMAT);
        }
    }

    /** Opens the store in {@code dir}, made if missing; what an earlier run left there is continued. */
    public static RocksFrontierStore open(Path dir) throws IOException {
        Files.createDirectories(dir);
        // Most lookups are of URLs seen before, or of exclusions never kept: a bloom filter per file
        // (10 bits a key, 1 % false positives) answers "not here" without reading the file's blocks.
        Options options = new Options().setCreateIfMissing(true).setWriteBufferSize(WRITE_BUFFER)
                .setMaxWriteBufferNumber(2).setMaxOpenFiles(MAX_OPEN_FILES)
                .setMemtablePrefixBloomSizeRatio(0.05).setMemtableWholeKeyFiltering(true)
                .setTableFormatConfig(new BlockBasedTableConfig().setFilterPolicy(TableParts.FILTER)
                        .setBlockCache(TableParts.CACHE));
        try {
            return new RocksFrontierStore(options, RocksDB.open(options, dir.toString()));
        } catch (RocksDBException e) {
            options.close();
            String why = String.valueOf(e.getMessage());
            if (why.contains("LOCK") || why.contains("lock")) { // RocksDB's lock file: one process a store
                throw new IOException("the crawl state in " + dir + " is in use by another crawl: wait for it to end,"
                        + " or give this one another --state", e);
            }
            throw new IOException("cannot open the crawl state in " + dir + ": " + why, e);
        }
    }

    @Override
    public synchronized List<Queued> admit(List<Found> found) {
        return ended(null, new Admission(found, List.of(), Budget.NONE));
    }

    @Override
    public synchronized List<Queued> ended(Queued page, Admission what) {
        FrontierStep step = new FrontierStep(db, nextSeq, queued, ended).withHosts(hosts);
        try (WriteBatch batch = new WriteBatch()) {
            if (page != null) {
                byte[] pageKey = FrontierKeys.seen(fingerprint(page.found().uri()));
                byte[] state = db.get(pageKey);
                if (state != null && state[0] == QUEUED) { // a page told twice ends once
                    batch.delete(FrontierKeys.queue(page.host(), page.seq()));
                    batch.put(pageKey, new byte[] {ENDED});
                    step.hostQueued(page.host(), -1);
                    step.queued--;
                    step.ended++;
                }
            }
            long[] admittedFps = new long[what.found().size()];
            int admittedCount = 0;
            for (Found f : what.found()) {
                long fp = fingerprint(f.uri());
                if (!step.inBatch.add(fp) || isSeen(fp)) {
                    continue;
                }
                String host = FrontierKeys.hostOf(f.uri());
                if (!step.withinBudget(host, what.budget())) {
                    keepExcluded(batch, fp, new Excluded(f, Reason.PAGE_BUDGET, step.seq >= what.budget().total()
                            ? "--max-pages " + what.budget().total() : "--max-pages-per-host " + what.budget().perHost()));
                    continue;
                }
                Queued entry = new Queued(host, step.seq++, f);
                batch.put(FrontierKeys.seen(fp), new byte[] {QUEUED});
                batch.put(FrontierKeys.queue(entry.host(), entry.seq()), FrontierKeys.encode(f));
                batch.delete(FrontierKeys.excluded(fp)); // met before and excluded (too deep there, say): fetched after all
                step.admitted.add(entry);
                admittedFps[admittedCount++] = fp;
                step.hostQueued(host, 1);
                step.queued++;
            }
            for (Excluded x : what.excluded()) {
                long fp = fingerprint(x.found().uri());
                if (step.inBatch.add(fp) && !isSeen(fp)) {
                    keepExcluded(batch, fp, x);
                }
            }
            for (Map.Entry<String, Long> count : step.hostCounts.entrySet()) {
                batch.put(FrontierKeys.hostCount(count.getKey()), FrontierKeys.longBytes(count.getValue()));
            }
            step.writeHostQueues(batch);
            batch.put(FrontierKeys.meta("hosts"), FrontierKeys.longBytes(step.hosts));
            batch.put(FrontierKeys.meta("seq"), FrontierKeys.longBytes(step.seq));
            batch.put(FrontierKeys.meta("queued"), FrontierKeys.longBytes(step.queued));
            batch.put(FrontierKeys.meta("ended"), FrontierKeys.longBytes(step.ended));
            db.write(write, batch);
            for (int k = 0; k < admittedCount; k++) {
                seen.add(admittedFps[k]); // once written: the cache says only what the store holds
            }
        } catch (RocksDBException ex) {
            throw new IllegalStateException("crawl state: " + ex.getMessage(), ex);
        }
        nextSeq = step.seq;
        hosts = step.hosts;
        queued = step.queued;
        ended = step.ended;
        return step.admitted;
    }

    /** Keeps {@code x} as excluded unless the URL is kept already: the first reason met stands. */
    private void keepExcluded(WriteBatch batch, long fp, Excluded x) throws RocksDBException {
        byte[] key = FrontierKeys.excluded(fp);
        if (db.get(key) == null) {
            batch.put(key, FrontierKeys.encode(x));
        }
    }

    @Override
    public synchronized List<Excluded> takeExcluded(int max) {
        return exclusions.take(max);
    }

    @Override
    public long admitKeptTooDeep(int maxDepth, Predicate<URI> inScope) {
        return exclusions.admitKeptTooDeep(maxDepth, inScope, this::admit);
    }

    @Override
    public List<Queued> queuedAfter(String host, long afterSeq, int max) {
        List<Queued> out = new ArrayList<>();
        byte[] prefix = FrontierKeys.hostPrefix(host);
        try (RocksIterator it = db.newIterator()) {
            for (it.seek(FrontierKeys.queue(host, afterSeq + 1)); it.isValid() && out.size() < max && FrontierKeys.startsWith(it.key(), prefix); it.next()) {
                long seq = ByteBuffer.wrap(it.key()).getLong(prefix.length);
                out.add(new Queued(host, seq, FrontierKeys.decode(it.value())));
            }
        }
        return out;
    }

    @Override
    public List<String> hostsAfter(String after, int max) {
        List<String> out = new ArrayList<>();
        try (RocksIterator it = db.newIterator()) {
            it.seek(after == null ? new byte[] {FrontierKeys.HOST} : FrontierKeys.hostAfter(after));
            for (; it.isValid() && out.size() < max && it.key()[0] == FrontierKeys.HOST; it.next()) {
                byte[] key = it.key();
                out.add(new String(key, 1, key.length - 1, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Override
    public long queued() {
        return queued;
    }

    @Override
    public long hosts() {
        return hosts;
    }

    @Override
    public long ended() {
        return ended;
    }

    @Override
    public NameSet names() {
        return names;
    }

    @Override
    public synchronized void close() {
        db.close();
        write.close();
        options.close();
    }

    /** Whether the URL of {@code fp} was admitted, by this run or one before (the cache, else the store). */
    private boolean isSeen(long fp) throws RocksDBException {
        if (seen.contains(fp)) {
            return true;
        }
        if (db.get(FrontierKeys.seen(fp)) == null) {
            return false;
        }
        seen.add(fp);
        return true;
    }

    private long fingerprint(URI uri) {
        return sip.hash(uri.toString().getBytes(StandardCharsets.UTF_8));
    }

    private long readLong(String name) throws RocksDBException {
        return FrontierKeys.longOf(db.get(FrontierKeys.meta(name)));
    }
}
