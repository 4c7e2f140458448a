package io.asynccrawler.fetch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bodies being saved now, for the progress line: every byte written is counted as it is
 * written, and each body in progress can say its name, how much it has and how much it will have.
 * That is what turns {@code [ 3,000 / 3,001 ] 99% ETA 0:00} on a 200 MiB file into its own
 * {@code big.iso 120.0/200.0 MiB} and an ETA from the bytes left. A body joins when its file is
 * opened and leaves when it is published or dropped: two set operations a file, against the
 * milliseconds a file takes.
 */
public final class Downloads {
    /** One body in progress. */
    interface Active {
        /** Its file, relative to the output directory. */
        Path file();

        /** Bytes in its file so far (a resumed part's earlier bytes included). */
        long saved();

        /** The size its file will have, or -1 when the server did not say (or the body is encoded). */
        long expected();
    }

    /** What the progress line shows of one body. */
    public record Progress(String name, long saved, long expected) {
    }

    private final LongAdder saved = new LongAdder();
    private final Set<Active> active = ConcurrentHashMap.newKeySet();

    void written(long bytes) {
        saved.add(bytes);
    }

    void started(Active body) {
        active.add(body);
    }

    void ended(Active body) {
        active.remove(body);
    }

    /** Bytes saved so far by every body. */
    public long saved() {
        return saved.sum();
    }

    /** Bodies being saved now. */
    public int active() {
        return active.size();
    }

    /**
     * Bytes the bodies in progress still have to come, or -1 when one of them does not know: an
     * ETA from bytes is only honest when every body in flight has a size.
     */
    public long remaining() {
        long left = 0;
        for (Active a : active) {
            long expected = a.expected();
            if (expected < 0) {
                return -1;
            }
            left += Math.max(0, expected - a.saved());
        }
        return left;
    }

    /** The {@code n} largest bodies in progress, largest first (by expected size, else by bytes so far). */
    public List<Progress> largest(int n) {
        List<Progress> all = new ArrayList<>();
        for (Active a : active) {
            all.add(new Progress(a.file().getFileName().toString(), a.saved(), a.expected()));
        }
        all.sort(Comparator.comparingLong((Progress p) -> Math.max(p.expected(), p.saved())).reversed());
        return all.size() <= n ? all : new ArrayList<>(all.subList(0, n));
    }
}
