package io.asynccrawler.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntUnaryOperator;

/**
 * The open-file budget of a job. Each request in flight holds a socket and, while its body is
 * saved, a file; idle keep-alive connections hold sockets too. Where the process may open fewer
 * files than {@code -c} needs ({@code ulimit -n}: the JVM raises its soft limit to the hard one at
 * start, so the hard one counts), the job runs fewer requests at once and says so, rather than
 * fail most of its URLs with "Too many open files".
 */
final class OpenFiles {
    /** Files held besides requests (the list, the report, logs, event loops, a warm-up server), with room to spare. */
    static final int RESERVE = 64;

    private OpenFiles() {
    }

    /**
     * The largest concurrency up to {@code requested} whose files fit in {@code limit} ({@code
     * open} of them taken already): two a request in flight, plus {@code idleFor(c)} idle
     * connections. {@code requested} itself where the limit is unknown (not positive).
     */
    static int fit(int requested, long limit, long open, IntUnaryOperator idleFor) {
        if (limit <= 0 || needs(requested, open, idleFor) <= limit) {
            return requested;
        }
        int low = 1;
        int high = requested;
        while (low < high) {
            int mid = (int) (((long) low + high + 1) >>> 1);
            if (needs(mid, open, idleFor) <= limit) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    /** The files a job of {@code concurrency} may hold at once. */
    static long needs(int concurrency, long open, IntUnaryOperator idleFor) {
        return open + RESERVE + 2L * concurrency + idleFor.applyAsInt(concurrency);
    }

    /** This process's limit on open files, or -1 where it cannot be read (not Linux) or there is none. */
    static long limit() {
        try {
            return parseLimit(Files.readString(Path.of("/proc/self/limits")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The soft "Max open files" of a /proc/PID/limits text, or -1. */
    static long parseLimit(String limits) {
        for (String line : limits.split("\n")) {
            if (line.startsWith("Max open files")) {
                String[] words = line.substring("Max open files".length()).trim().split("\\s+");
                return words.length > 0 && words[0].matches("\\d{1,18}") ? Long.parseLong(words[0]) : -1;
            }
        }
        return -1;
    }

    /** Files this process has open now, or 0 where that cannot be counted. */
    static long open() {
        long n = 0;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path ignored : fds) {
                n++;
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return n;
    }
}
