package io.asynccrawler.cli.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntUnaryOperator;

/**
 * The open-file budget of a job. Each request in flight holds a socket and, while its body is
 * saved, a file; idle keep-alive connections hold sockets too. Where the process may open fewer
 * files than {@code -c} needs ({@code ulimit -n}: the JVM raises its soft limit to the hard one at
 * start, so the hard one counts), it keeps fewer idle connections; the event loop then saves
 * fewer bodies at once than it has requests in flight (the others wait for a file, reading
 * paused); and where that is not enough it runs fewer requests at once and says so, rather than
 * fail URLs with "Too many open files". The blocking modes count a file for each request.
 */
public final class OpenFiles {
    /** Files held besides requests (the list, the report, logs, event loops, name lookups), with room to spare. */
    static final int RESERVE = 64;
    /** Idle connections kept at least where the limit is tight, so that a job on one host still reuses its connections. */
    public static final int IDLE_MIN = 8;
    /** Bodies saved at once at least, where files are counted apart from requests; or a quarter of what the limit leaves, if more. */
    static final int FILES_MIN = 16;

    /** Requests in flight at most, bodies saved at once at most (each holds a file open), and connections kept idle at most. */
    public record Budget(int concurrency, int files, int idle) {
    }

    private OpenFiles() {
    }

    /**
     * What fits in {@code limit} files ({@code open} of them taken already) for {@code requested}
     * requests at once, each with a socket: with {@code filesApart}, a file for every request
     * where they fit, else at least {@link #FILES_MIN} or a quarter of what is left; without, a
     * file for every request always. Then idle connections, {@code idleFor(c)} at most. Where
     * even the requests do not fit, as many as fit with {@link #IDLE_MIN} idle ones. All of
     * {@code requested} where the limit is unknown (not positive).
     */
    public static Budget plan(int requested, long limit, long open, IntUnaryOperator idleFor, boolean filesApart) {
        if (limit <= 0) {
            return new Budget(requested, requested, idleFor.applyAsInt(requested));
        }
        long available = limit - open - RESERVE - IDLE_MIN;
        int concurrency;
        long files;
        if (filesApart) {
            long leastFiles = Math.min(requested, Math.max(FILES_MIN, available / 4));
            concurrency = (int) Math.max(1, Math.min(requested, available - leastFiles));
            files = Math.max(1, Math.min(concurrency, available - concurrency));
        } else {
            concurrency = (int) Math.max(1, Math.min(requested, available / 2));
            files = concurrency;
        }
        long idle = Math.max(0, Math.min(idleFor.applyAsInt(concurrency), available + IDLE_MIN - concurrency - files));
        return new Budget(concurrency, (int) files, (int) idle);
    }

    /** The files a job of {@code concurrency} may hold at once, a file for each, with {@code idle} connections kept. */
    public static long needs(int concurrency, int idle, long open) {
        return open + RESERVE + 2L * concurrency + idle;
    }

    /** This process's limit on open files, or -1 where it cannot be read (not Linux) or there is none. */
    public static long limit() {
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
    public static long open() {
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
