package io.asynccrawler.crawl;

import io.asynccrawler.fetch.Reason;
import io.asynccrawler.save.NameSet;
import io.asynccrawler.save.SipHash;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
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
    /** The layout of the keys: 2 added the host index, 3 its count of hosts, 4 the count of hosts admitted ever. */
    private static final long FORMAT = 4;
    private final Options options;
    private final WriteOptions write;
    private final RocksDB db;
    private final SipHash sip;
    private long nextSeq;
    /** Read without the lock (the frontier asks often): written under it. */
    private volatile long queued;
    private volatile long ended;
    private volatile long hosts;
    private volatile long hostsAdmitted;
    private final StoreExclusions exclusions;
    private final StoreNames names;
    private final KnownFingerprints seen = new KnownFingerprints();
    private final UrlFingerprints fingerprints;
    private final StoreHostIndex hostIndex;

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
        this.fingerprints = new UrlFingerprints(sip);
        this.hostIndex = new StoreHostIndex(db);
        this.nextSeq = readLong("seq");
        this.queued = readLong("queued");
        this.ended = readLong("ended");
        this.hosts = readLong("hosts");
        long format = readLong("format");
        if (format < 3) {
            hosts = StoreMigration.indexHosts(db, write, 3);
        }
        this.hostsAdmitted = format < 4 ? StoreMigration.countAdmittedHosts(db, write, FrontierStep.HOSTS_ADMITTED, FORMAT)
                : readLong(FrontierStep.HOSTS_ADMITTED);
    }

    /** Loads RocksDB's native library, from the user's cache once it is there (see StoreFiles). */
    public static void loadLibrary() {
        StoreFiles.loadLibrary();
    }

    /** Opens the store in {@code dir}, made if missing; what an earlier run left there is continued. */
    public static RocksFrontierStore open(Path dir) throws IOException {
        Options options = StoreFiles.options();
        RocksDB db = StoreFiles.open(dir, options);
        try {
            return new RocksFrontierStore(options, db);
        } catch (RocksDBException e) {
            db.close();
            options.close();
            throw new IOException("cannot read the crawl state in " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<Queued> admit(List<Found> found) {
        return ended(null, new Admission(found, List.of(), Budget.NONE));
    }

    @Override
    public synchronized List<Queued> ended(Queued page, Admission what) {
        return step(page, null, (step, batch) -> {
            for (Found f : what.found()) {
                long fp = fingerprint(f.uri());
                if (!step.inBatch.add(fp) || isSeen(fp)) {
                    continue;
                }
                String host = FrontierKeys.hostOf(f.uri());
                if (!step.withinBudget(host, what.budget())) {
                    keepExcluded(batch, fp, new Excluded(f, Reason.PAGE_BUDGET, step.seq >= what.budget().total()
                            ? "--max-pages " + what.budget().total() : "--max-pages-per-host " + what.budget().perHost()));
                } else {
                    step.queue(batch, f, fp);
                }
            }
            for (Excluded x : what.excluded()) {
                long fp = fingerprint(x.found().uri());
                // kept already: most of a site's exclusions are met on every page (its links out)
                if (step.inBatch.add(fp) && !exclusions.knownKept(fp) && !isSeen(fp)) {
                    keepExcluded(batch, fp, x);
                }
            }
        });
    }

    @Override
    public synchronized void endedExcluded(Queued page, Excluded why) {
        step(page, why, (step, batch) -> { });
    }

    @Override
    public long admitKept(String options, Predicate<Excluded> allowedNow, Budget budget) {
        return exclusions.admitKept(options, allowedNow, kept -> readmit(kept, budget));
    }

    /**
     * Admits {@code kept} exclusions within {@code budget} (those past it stay kept); one ended at
     * its turn is queued again, one admitted since by another way is kept no longer.
     */
    private synchronized int readmit(List<Excluded> kept, Budget budget) {
        return step(null, null, (step, batch) -> {
            for (Excluded x : kept) {
                Found f = x.found();
                long fp = fingerprint(f.uri());
                byte[] state = db.get(FrontierKeys.seen(fp));
                if (!step.inBatch.add(fp) || (state == null && !step.withinBudget(FrontierKeys.hostOf(f.uri()), budget))) {
                    continue;
                }
                if (state == null || (state[0] == FrontierKeys.ENDED && endedAtTurn(x.reason()))) {
                    step.queue(batch, f, fp);
                    step.ended -= state == null ? 0 : 1; // queued again: among the ended no longer
                }
                batch.delete(FrontierKeys.excluded(fp));
                batch.delete(FrontierKeys.kept(fp));
            }
        }).size();
    }

    /** Whether an exclusion for {@code reason} came at the URL's turn, after it was admitted: robots.txt's say. */
    private static boolean endedAtTurn(Reason reason) {
        return reason == Reason.ROBOTS_DISALLOWED || reason == Reason.ROBOTS_UNREACHABLE || reason == Reason.CRAWL_DELAY_TOO_LONG;
    }

    /** What a step writes besides its page's end. */
    private interface StepBody {
        void fill(FrontierStep step, WriteBatch batch) throws RocksDBException;
    }

    /**
     * One atomic step: {@code page} (if not null) ends, kept as excluded for {@code why} (if not
     * null), {@code body} adds to the batch, the counts are written with it.
     */
    private List<Queued> step(Queued page, Excluded why, StepBody body) {
        FrontierStep step = new FrontierStep(db, nextSeq, queued, ended).withHosts(hosts, hostsAdmitted);
        try (WriteBatch batch = new WriteBatch()) {
            if (page != null) {
                long fp = fingerprint(page.found().uri());
                byte[] pageKey = FrontierKeys.seen(fp);
                byte[] state = db.get(pageKey);
                if (state != null && state[0] == FrontierKeys.QUEUED) { // a page told twice ends once
                    batch.delete(FrontierKeys.queue(page.host(), page.seq()));
                    batch.put(pageKey, new byte[] {FrontierKeys.ENDED});
                    step.hostQueued(page.host(), -1);
                    step.queued--;
                    step.ended++;
                    if (why != null) {
                        batch.put(FrontierKeys.kept(fp), FrontierKeys.encode(why));
                    }
                }
            }
            body.fill(step, batch);
            step.writeCounts(batch);
            db.write(write, batch);
            step.admittedFingerprints().forEach(seen::add); // once written: the cache says only what the store holds
            if (step.hostIndexChanged) {
                hostIndex.changed();
            }
        } catch (RocksDBException ex) {
            throw new IllegalStateException("crawl state: " + ex.getMessage(), ex);
        }
        nextSeq = step.seq;
        hosts = step.hosts;
        hostsAdmitted = step.hostsAdmitted;
        queued = step.queued;
        ended = step.ended;
        return step.admitted;
    }

    /** Keeps {@code x} as excluded unless the URL is kept already: the first reason met stands. */
    private void keepExcluded(WriteBatch batch, long fp, Excluded x) throws RocksDBException {
        if (!exclusions.has(fp)) {
            batch.put(FrontierKeys.excluded(fp), FrontierKeys.encode(x));
        }
    }

    @Override
    public synchronized List<Excluded> takeExcluded(int max) {
        return exclusions.take(max);
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
        return hostIndex.after(after, max);
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
    public long hostsAdmitted() {
        return hostsAdmitted;
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

    @Override
    public boolean surelySeen(URI uri) {
        return seen.contains(fingerprint(uri)); // no lock: the cache is read whole from any thread
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
        return fingerprints.of(uri);
    }

    private long readLong(String name) throws RocksDBException {
        return FrontierKeys.longOf(db.get(FrontierKeys.meta(name)));
    }
}
