package io.asynccrawler.crawl;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/** What a crawl state written by an older layout of {@link RocksFrontierStore} needs to be read by this one. */
final class StoreMigration {
    private StoreMigration() {
    }

    /**
     * Writes the host index ({@code h} and {@code n} keys) from the queues: a store made before
     * the index existed (format 1) is read once in full, then marked {@code format}. Returns the
     * number of hosts with URLs queued.
     */
    static long indexHosts(RocksDB db, WriteOptions write, long format) throws RocksDBException {
        Map<String, Long> counts = new HashMap<>();
        try (RocksIterator it = db.newIterator()) {
            for (it.seek(new byte[] {FrontierKeys.QUEUE}); it.isValid() && it.key()[0] == FrontierKeys.QUEUE; it.next()) {
                byte[] key = it.key();
                String host = new String(key, 1, key.length - 1 - 1 - Long.BYTES, StandardCharsets.UTF_8);
                counts.merge(host, 1L, Long::sum);
            }
        }
        try (WriteBatch batch = new WriteBatch()) {
            for (Map.Entry<String, Long> e : counts.entrySet()) {
                batch.put(FrontierKeys.host(e.getKey()), new byte[0]);
                batch.put(FrontierKeys.hostQueued(e.getKey()), FrontierKeys.longBytes(e.getValue()));
            }
            batch.put(FrontierKeys.meta("hosts"), FrontierKeys.longBytes(counts.size()));
            batch.put(FrontierKeys.meta("format"), FrontierKeys.longBytes(format));
            db.write(write, batch);
        }
        return counts.size();
    }

    /**
     * Counts the hosts with a URL admitted ever (their {@code c} keys) into the meta key {@code
     * hostsAdmitted}: a store made before the count existed (format 3) is read once, then marked
     * {@code format}. Returns the count.
     */
    static long countAdmittedHosts(RocksDB db, WriteOptions write, String hostsAdmitted, long format) throws RocksDBException {
        long hosts = 0;
        try (RocksIterator it = db.newIterator()) {
            for (it.seek(new byte[] {FrontierKeys.HOST_COUNT}); it.isValid() && it.key()[0] == FrontierKeys.HOST_COUNT; it.next()) {
                hosts++;
            }
        }
        try (WriteBatch batch = new WriteBatch()) {
            batch.put(FrontierKeys.meta(hostsAdmitted), FrontierKeys.longBytes(hosts));
            batch.put(FrontierKeys.meta("format"), FrontierKeys.longBytes(format));
            db.write(write, batch);
        }
        return hosts;
    }
}
