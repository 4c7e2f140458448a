import com.sleepycat.je.Cursor;
import com.sleepycat.je.Database;
import com.sleepycat.je.DatabaseConfig;
import com.sleepycat.je.DatabaseEntry;
import com.sleepycat.je.Durability;
import com.sleepycat.je.Environment;
import com.sleepycat.je.EnvironmentConfig;
import com.sleepycat.je.LockMode;
import com.sleepycat.je.OperationStatus;
import com.sleepycat.je.Transaction;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The crawl frontier's work on each candidate store: a crawl that takes a page from a host's
 * queue, then in one transaction marks it done and admits its links (each checked against the
 * seen-set by a 64-bit fingerprint, queued under its host if new), until LINKS link sightings
 * have been admitted (20 % of them URLs seen before), over HOSTS hosts. Each store keeps what a
 * process crash must not lose: every commit reaches the operating system (no fsync).
 * Usage: FrontierBench rocksdb|sqlite|je DIR [LINKS]
 */
public final class FrontierBench {
    static final int HOSTS = 5_000;
    static final int LINKS_PER_PAGE = 50;

    /** A URL taken from its host's queue: it stays there until its page ends (a crash re-takes it). */
    record Taken(int host, long seq, String url) {
    }

    interface Store extends AutoCloseable {
        /** In one transaction: {@code page} leaves its queue and is done, and {@code links} are admitted; how many were new. */
        int pageEnded(Taken page, List<String> links) throws Exception;

        /** The oldest URL of {@code host} not taken yet (the taken ones are remembered in memory only), or null. */
        Taken take(int host) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        Path dir = Path.of(args[1]);
        long total = args.length > 2 ? Long.parseLong(args[2]) : 2_000_000;
        Files.createDirectories(dir);
        long start = System.nanoTime();
        long admitted = 0;
        long sightings = 0;
        long pages = 0;
        long next = HOSTS; // URLs 0..HOSTS-1 are the seeds, one a host
        SplittableRandom random = new SplittableRandom(7);
        try (Store store = open(kind, dir)) {
            List<String> seeds = new ArrayList<>();
            for (int h = 0; h < HOSTS; h++) {
                seeds.add(url(h));
            }
            store.pageEnded(null, seeds);
            int host = 0;
            int idle = 0;
            while (sightings < total && idle < HOSTS) {
                Taken page = store.take(host);
                host = (host + 1) % HOSTS;
                if (page == null) {
                    idle++;
                    continue;
                }
                idle = 0;
                List<String> links = new ArrayList<>(LINKS_PER_PAGE);
                for (int i = 0; i < LINKS_PER_PAGE; i++) {
                    links.add(random.nextInt(5) == 0 ? url(random.nextLong(next)) : url(next++));
                }
                admitted += store.pageEnded(page, links);
                sightings += LINKS_PER_PAGE;
                pages++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long disk;
        try (Stream<Path> files = Files.walk(dir)) {
            disk = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        System.out.printf("%s: %,d sightings, %,d admitted, %,d pages in %.2f s: %,.0f sightings/s, %,.0f pages/s; "
                        + "heap after GC %d MiB, on disk %d MiB%n", kind, sightings, admitted, pages, seconds,
                sightings / seconds, pages / seconds, heap >> 20, disk >> 20);
    }

    /** URL {@code i}: on host {@code i % HOSTS}, so every host's queue grows. */
    static String url(long i) {
        return "http://h" + (i % HOSTS) + ".example/docs/section-" + (i / HOSTS % 97) + "/page-" + i + ".html";
    }

    static int hostOf(String url) {
        return Integer.parseInt(url.substring(8, url.indexOf('.')));
    }

    /** A 64-bit fingerprint (the crawler's own is SipHash; any good mix shows the stores' costs). */
    static long fingerprint(String url) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < url.length(); i++) {
            h = (h ^ url.charAt(i)) * 0x100000001B3L;
            h ^= h >>> 29;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    static Store open(String kind, Path dir) throws Exception {
        switch (kind) {
            case "rocksdb": return new Rocks(dir);
            case "sqlite": return new Sqlite(dir);
            case "je": return new Je(dir);
            default: throw new IllegalArgumentException(kind);
        }
    }

    /** Keys: 's' + fingerprint -> state; 'q' + host + seq -> URL. WAL on, no fsync. */
    static final class Rocks implements Store {
        private final RocksDB db;
        private final Options options;
        private final WriteOptions write;
        private final long[] seq = new long[HOSTS];
        private final long[] taken = new long[HOSTS];

        Rocks(Path dir) throws Exception {
            RocksDB.loadLibrary();
            options = new Options().setCreateIfMissing(true);
            write = new WriteOptions().setSync(false);
            db = RocksDB.open(options, dir.toString());
        }

        static byte[] seenKey(String url) {
            return ByteBuffer.allocate(9).put((byte) 's').putLong(fingerprint(url)).array();
        }

        static byte[] queueKey(int host, long seq) {
            return ByteBuffer.allocate(13).put((byte) 'q').putInt(host).putLong(seq).array();
        }

        @Override
        public int pageEnded(Taken page, List<String> links) throws Exception {
            int added = 0;
            java.util.Set<String> inBatch = new java.util.HashSet<>();
            try (WriteBatch batch = new WriteBatch()) {
                if (page != null) {
                    batch.delete(queueKey(page.host(), page.seq()));
                    batch.put(seenKey(page.url()), new byte[] {2});
                }
                for (String link : links) {
                    byte[] key = seenKey(link);
                    if (inBatch.add(link) && db.get(key) == null) {
                        batch.put(key, new byte[] {1});
                        int host = hostOf(link);
                        batch.put(queueKey(host, seq[host]++), link.getBytes(StandardCharsets.UTF_8));
                        added++;
                    }
                }
                db.write(write, batch);
            }
            return added;
        }

        @Override
        public Taken take(int host) throws Exception {
            try (RocksIterator it = db.newIterator()) {
                byte[] prefix = ByteBuffer.allocate(5).put((byte) 'q').putInt(host).array();
                it.seek(queueKey(host, taken[host]));
                if (!it.isValid() || ByteBuffer.wrap(it.key(), 0, 5).compareTo(ByteBuffer.wrap(prefix)) != 0) {
                    return null;
                }
                long s = ByteBuffer.wrap(it.key()).getLong(5);
                taken[host] = s + 1;
                return new Taken(host, s, new String(it.value(), StandardCharsets.UTF_8));
            }
        }

        @Override
        public void close() {
            db.close();
            options.close();
            write.close();
        }
    }

    /** seen(fp INTEGER PRIMARY KEY, state), queue((host, seq) -> url); WAL, synchronous=NORMAL. */
    static final class Sqlite implements Store {
        private final Connection c;
        private final PreparedStatement insertSeen;
        private final PreparedStatement markDone;
        private final PreparedStatement enqueue;
        private final PreparedStatement head;
        private final PreparedStatement dequeue;
        private final long[] seq = new long[HOSTS];
        private final long[] taken = new long[HOSTS];

        Sqlite(Path dir) throws Exception {
            c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("frontier.db"));
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                // OFF: a commit reaches the operating system, not the disk: safe from a crash of the
                // process (kill -9), as the other stores here are run; NORMAL adds fsyncs at checkpoints.
                s.execute("PRAGMA synchronous=" + System.getProperty("sqlite.sync", "OFF"));
                // Fingerprint keys land on random B-tree pages: the default 2 MiB page cache thrashes.
                s.execute("PRAGMA cache_size=-" + Integer.getInteger("sqlite.cacheKiB", 65536));
                s.execute("CREATE TABLE seen(fp INTEGER PRIMARY KEY, state INTEGER NOT NULL)");
                s.execute("CREATE TABLE queue(host INTEGER, seq INTEGER, url TEXT NOT NULL, PRIMARY KEY(host, seq)) WITHOUT ROWID");
            }
            c.setAutoCommit(false);
            insertSeen = c.prepareStatement("INSERT OR IGNORE INTO seen(fp, state) VALUES (?, 1)");
            markDone = c.prepareStatement("INSERT OR REPLACE INTO seen(fp, state) VALUES (?, 2)");
            enqueue = c.prepareStatement("INSERT INTO queue(host, seq, url) VALUES (?, ?, ?)");
            head = c.prepareStatement("SELECT seq, url FROM queue WHERE host = ? AND seq >= ? ORDER BY seq LIMIT 1");
            dequeue = c.prepareStatement("DELETE FROM queue WHERE host = ? AND seq = ?");
        }

        @Override
        public int pageEnded(Taken page, List<String> links) throws Exception {
            int added = 0;
            if (page != null) {
                dequeue.setInt(1, page.host());
                dequeue.setLong(2, page.seq());
                dequeue.executeUpdate();
                markDone.setLong(1, fingerprint(page.url()));
                markDone.executeUpdate();
            }
            for (String link : links) {
                insertSeen.setLong(1, fingerprint(link));
                if (insertSeen.executeUpdate() == 1) {
                    int host = hostOf(link);
                    enqueue.setInt(1, host);
                    enqueue.setLong(2, seq[host]++);
                    enqueue.setString(3, link);
                    enqueue.executeUpdate();
                    added++;
                }
            }
            c.commit();
            return added;
        }

        @Override
        public Taken take(int host) throws Exception {
            head.setInt(1, host);
            head.setLong(2, taken[host]);
            try (ResultSet r = head.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                taken[host] = r.getLong(1) + 1;
                return new Taken(host, r.getLong(1), r.getString(2));
            }
        }

        @Override
        public void close() throws Exception {
            c.commit();
            c.close();
        }
    }

    /** Berkeley DB JE: seen (fp -> state), queue (host + seq -> url); transactions WRITE_NO_SYNC. */
    static final class Je implements Store {
        private final Environment env;
        private final Database seen;
        private final Database queue;
        private final long[] seq = new long[HOSTS];
        private final long[] taken = new long[HOSTS];

        Je(Path dir) {
            EnvironmentConfig config = new EnvironmentConfig().setAllowCreate(true).setTransactional(true);
            config.setDurability(Durability.COMMIT_WRITE_NO_SYNC);
            config.setCacheSize(64L << 20);
            env = new Environment(dir.toFile(), config);
            DatabaseConfig db = new DatabaseConfig().setAllowCreate(true).setTransactional(true);
            seen = env.openDatabase(null, "seen", db);
            queue = env.openDatabase(null, "queue", db);
        }

        @Override
        public int pageEnded(Taken page, List<String> links) {
            int added = 0;
            Transaction txn = env.beginTransaction(null, null);
            if (page != null) {
                queue.delete(txn, new DatabaseEntry(ByteBuffer.allocate(12).putInt(page.host()).putLong(page.seq()).array()));
                seen.put(txn, new DatabaseEntry(ByteBuffer.allocate(8).putLong(fingerprint(page.url())).array()),
                        new DatabaseEntry(new byte[] {2}));
            }
            for (String link : links) {
                DatabaseEntry key = new DatabaseEntry(ByteBuffer.allocate(8).putLong(fingerprint(link)).array());
                if (seen.putNoOverwrite(txn, key, new DatabaseEntry(new byte[] {1})) == OperationStatus.SUCCESS) {
                    int host = hostOf(link);
                    queue.put(txn, new DatabaseEntry(ByteBuffer.allocate(12).putInt(host).putLong(seq[host]++).array()),
                            new DatabaseEntry(link.getBytes(StandardCharsets.UTF_8)));
                    added++;
                }
            }
            txn.commit();
            return added;
        }

        @Override
        public Taken take(int host) {
            Cursor cursor = queue.openCursor(null, null);
            DatabaseEntry key = new DatabaseEntry(ByteBuffer.allocate(12).putInt(host).putLong(taken[host]).array());
            DatabaseEntry value = new DatabaseEntry();
            Taken t = null;
            if (cursor.getSearchKeyRange(key, value, LockMode.READ_UNCOMMITTED) == OperationStatus.SUCCESS
                    && ByteBuffer.wrap(key.getData()).getInt() == host) {
                long s = ByteBuffer.wrap(key.getData()).getLong(4);
                taken[host] = s + 1;
                t = new Taken(host, s, new String(value.getData(), StandardCharsets.UTF_8));
            }
            cursor.close();
            return t;
        }

        @Override
        public void close() {
            seen.close();
            queue.close();
            env.close();
        }
    }
}
