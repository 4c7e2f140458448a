package io.asynccrawler.crawl;

import io.asynccrawler.fetch.NativeLibraries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.util.Environment;

/** How {@link RocksFrontierStore}'s RocksDB is opened, and the native memory and files it may take. */
final class StoreFiles {
    /** Memory RocksDB may take, native: two 16 MiB memtables, the default 8 MiB block cache. */
    private static final long WRITE_BUFFER = 16L << 20;
    /** Native memory for the store's recently read blocks: the default 8 MiB, and no more. */
    private static final long BLOCK_CACHE = 8L << 20;
    /** Files RocksDB keeps open at most (its default is unlimited): they count against ulimit -n with the sockets. */
    private static final int MAX_OPEN_FILES = 64;

    static {
        loadLibrary();
    }

    /**
     * The native parts of every store's tables, made once a process (a process crawls with one
     * store; tests that open several share them) and never freed: they live as long as the process.
     */
    private static final class TableParts {
        static final BloomFilter FILTER = new BloomFilter(10, false);
        static final LRUCache CACHE = new LRUCache(BLOCK_CACHE);
    }

    private StoreFiles() {
    }

    /**
     * RocksDB's native library, from the user's cache ({@link NativeLibraries}): RocksDB's own way
     * copies its 15 MB out of the jar into /tmp at every start, 250-330 ms before a crawl's first
     * request here. RocksDB's loader given a directory looks there for the name {@link
     * Environment#getJniLibraryFileName} gives "rocksdbjni"; the jar holds it under the name it
     * gives "rocksdb". Where the cache fails, RocksDB's own way runs. Loaded once: a second call
     * returns at once (RocksDB knows its library is in).
     */
    static void loadLibrary() {
        Path cached = NativeLibraries.cachedAs("/" + Environment.getJniLibraryFileName("rocksdb"),
                Environment.getJniLibraryFileName("rocksdbjni"));
        if (cached != null) {
            try {
                RocksDB.loadLibrary(List.of(cached.getParent().toString()));
                return;
            } catch (UnsatisfiedLinkError e) {
                // not loadable from there (another name in a later version): as RocksDB does it
            }
        }
        RocksDB.loadLibrary();
    }

    /** The store's options, to close with it. */
    static Options options() {
        // Most lookups are of URLs seen before, or of exclusions never kept: a bloom filter per file
        // (10 bits a key, 1 % false positives) answers "not here" without reading the file's blocks.
        return new Options().setCreateIfMissing(true).setWriteBufferSize(WRITE_BUFFER)
                .setMaxWriteBufferNumber(2).setMaxOpenFiles(MAX_OPEN_FILES)
                .setMemtablePrefixBloomSizeRatio(0.05).setMemtableWholeKeyFiltering(true)
                .setTableFormatConfig(new BlockBasedTableConfig().setFilterPolicy(TableParts.FILTER)
                        .setBlockCache(TableParts.CACHE));
    }

    /** The database in {@code dir}, made if missing; {@code options} are closed if it cannot be opened. */
    static RocksDB open(Path dir, Options options) throws IOException {
        try {
            Files.createDirectories(dir);
            return RocksDB.open(options, dir.toString());
        } catch (RocksDBException | IOException e) {
            options.close();
            String why = String.valueOf(e.getMessage());
            if (why.contains("LOCK") || why.contains("lock")) { // RocksDB's lock file: one process a store
                throw new IOException("the crawl state in " + dir + " is in use by another crawl: wait for it to end,"
                        + " or give this one another --state", e);
            }
            throw new IOException("cannot open the crawl state in " + dir + ": " + why, e);
        }
    }
}
