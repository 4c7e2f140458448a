package io.asynccrawler.crawl;

import io.asynccrawler.crawl.FrontierStore.Budget;
import io.asynccrawler.crawl.FrontierStore.Found;
import io.asynccrawler.crawl.FrontierStore.Queued;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * What one atomic step of {@link RocksFrontierStore} changes (a page's end, the URLs admitted, the
 * counts), gathered as the step reads the store, written together in its batch at the end.
 */
final class FrontierStep {
    /** The meta key of {@link #hostsAdmitted}. */
    static final String HOSTS_ADMITTED = "hosts-admitted";
    final List<Queued> admitted = new ArrayList<>();
    /** The fingerprints of {@link #admitted}, in its order. */
    private long[] admittedFingerprints = new long[16];
    final Set<Long> inBatch = new HashSet<>();
    /** URLs admitted per host, of the hosts this step admitted to (read when first met). */
    final Map<String, Long> hostCounts = new HashMap<>();
    /** URLs queued per host, of the hosts this step changed: before it, and after. */
    private final Map<String, long[]> hostQueues = new HashMap<>();
    long seq;
    long queued;
    long ended;
    /** Hosts with URLs queued, after the step. */
    long hosts;
    /** Hosts with a URL admitted ever, after the step. */
    long hostsAdmitted;
    /** Whether the step adds a host to the host index, or takes one out. */
    boolean hostIndexChanged;
    private final RocksDB db;

    FrontierStep(RocksDB db, long seq, long queued, long ended) {
        this.db = db;
        this.seq = seq;
        this.queued = queued;
        this.ended = ended;
    }

    /**
     * The hosts with URLs queued before the step, and those with a URL admitted ever: {@link
     * #hosts} changes as their queues fill or empty, {@link #hostsAdmitted} as new hosts come.
     */
    FrontierStep withHosts(long queuedBefore, long admittedBefore) {
        hosts = queuedBefore;
        hostsAdmitted = admittedBefore;
        return this;
    }

    /** Queues {@code f}, of fingerprint {@code fp}, last in its host's queue. */
    void queue(WriteBatch batch, Found f, long fp) throws RocksDBException {
        Queued entry = new Queued(FrontierKeys.hostOf(f.uri()), seq++, f);
        batch.put(FrontierKeys.seen(fp), new byte[] {FrontierKeys.QUEUED});
        batch.put(FrontierKeys.queue(entry.host(), entry.seq()), FrontierKeys.encode(f));
        batch.delete(FrontierKeys.excluded(fp)); // met before and excluded (too deep there, say): fetched after all
        if (admitted.size() == admittedFingerprints.length) {
            admittedFingerprints = Arrays.copyOf(admittedFingerprints, admitted.size() * 2);
        }
        admittedFingerprints[admitted.size()] = fp;
        admitted.add(entry);
        hostQueued(entry.host(), 1);
        queued++;
    }

    LongStream admittedFingerprints() {
        return Arrays.stream(admittedFingerprints, 0, admitted.size());
    }

    /** The counts the step changed: per host, and the store's. */
    void writeCounts(WriteBatch batch) throws RocksDBException {
        for (Map.Entry<String, Long> count : hostCounts.entrySet()) {
            batch.put(FrontierKeys.hostCount(count.getKey()), FrontierKeys.longBytes(count.getValue()));
        }
        writeHostQueues(batch);
        batch.put(FrontierKeys.meta("hosts"), FrontierKeys.longBytes(hosts));
        batch.put(FrontierKeys.meta(HOSTS_ADMITTED), FrontierKeys.longBytes(hostsAdmitted));
        batch.put(FrontierKeys.meta("seq"), FrontierKeys.longBytes(seq));
        batch.put(FrontierKeys.meta("queued"), FrontierKeys.longBytes(queued));
        batch.put(FrontierKeys.meta("ended"), FrontierKeys.longBytes(ended));
    }

    void hostQueued(String host, int change) throws RocksDBException {
        long[] counts = hostQueues.get(host);
        if (counts == null) {
            long before = FrontierKeys.longOf(db.get(FrontierKeys.hostQueued(host)));
            counts = new long[] {before, before};
            hostQueues.put(host, counts);
        }
        counts[1] += change;
    }

    /** The hosts' queued counts, and the host index where a queue filled or emptied. */
    private void writeHostQueues(WriteBatch batch) throws RocksDBException {
        for (Map.Entry<String, long[]> e : hostQueues.entrySet()) {
            long before = e.getValue()[0];
            long after = e.getValue()[1];
            if (after <= 0) {
                batch.delete(FrontierKeys.hostQueued(e.getKey()));
                batch.delete(FrontierKeys.host(e.getKey()));
                hosts -= before > 0 ? 1 : 0;
                hostIndexChanged |= before > 0;
            } else {
                batch.put(FrontierKeys.hostQueued(e.getKey()), FrontierKeys.longBytes(after));
                if (before <= 0) {
                    batch.put(FrontierKeys.host(e.getKey()), new byte[0]);
                    hosts++;
                    hostIndexChanged = true;
                }
            }
        }
    }

    /** Whether one more URL of {@code host} fits the budget; counts it if so. */
    boolean withinBudget(String host, Budget budget) throws RocksDBException {
        if (seq >= budget.total()) {
            return false;
        }
        Long count = hostCounts.get(host);
        if (count == null) {
            count = FrontierKeys.longOf(db.get(FrontierKeys.hostCount(host)));
        }
        if (count >= budget.perHost()) {
            return false;
        }
        hostsAdmitted += count == 0 ? 1 : 0; // its first URL ever
        hostCounts.put(host, count + 1);
        return true;
    }
}
