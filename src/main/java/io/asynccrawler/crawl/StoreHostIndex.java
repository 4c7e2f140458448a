package io.asynccrawler.crawl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksIterator;

/**
 * The hosts with URLs queued, read from {@link RocksFrontierStore}'s host index ({@code h} keys) in
 * key order, each answer kept until a step changes the index: the crawl asks at every take (on a
 * crawl of one host twice, after the host and then from the first), and a RocksDB iterator a
 * question was a sixth of the job's thread in the JDK docs crawl. At most {@link #KEPT} answers.
 */
final class StoreHostIndex {
    private static final int KEPT = 8;

    /** The answers read while the index was at {@code version}, by question. */
    private record Answers(long version, Map<String, List<String>> byQuestion) {
    }

    private final RocksDB db;
    /** Changed by the store's steps, under its lock; read by any thread. */
    private volatile long version;
    private volatile Answers answers = new Answers(0, Map.of());

    StoreHostIndex(RocksDB db) {
        this.db = db;
    }

    /** A step wrote the index (a host's queue filled or emptied): what was read of it is read again. */
    void changed() {
        version++;
    }

    /** As {@link FrontierStore#hostsAfter}. */
    List<String> after(String after, int max) {
        long now = version; // before the read: an answer read while a step changed the index is not kept as now's
        Answers known = answers;
        String question = max + " " + (after == null ? "" : "after " + after);
        if (known.version() == now) {
            List<String> answer = known.byQuestion().get(question);
            if (answer != null) {
                return answer;
            }
        }
        List<String> answer = List.copyOf(read(after, max));
        Map<String, List<String>> kept = known.version() == now && known.byQuestion().size() < KEPT
                ? new HashMap<>(known.byQuestion()) : new HashMap<>();
        kept.put(question, answer);
        answers = new Answers(now, kept);
        return answer;
    }

    private List<String> read(String after, int max) {
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
}
