package io.asynccrawler.cli.process;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live progress line on stderr, drawn by its own thread (never an event loop). On a terminal it
 * is redrawn in place ten times a second; anything else written to stderr meanwhile (log lines,
 * failures) first clears it, so the two never mix, and it comes back at the next tick. Without a
 * terminal there is no redrawing: with -v a plain line every 10 s shows life in CI logs.
 */
public final class StatusLine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StatusLine.class);
    private static final String CLEAR = "\r\u001b[K";
    private static final long TICK_MILLIS = 100;
    private static final Duration PLAIN_EVERY = Duration.ofSeconds(10);

    private final Terminal terminal;
    private final IntFunction<String> line;
    private final PrintStream original;
    private final ScheduledExecutorService ticker;
    private final Object lock = new Object();
    /** The progress line is on screen (so the next write must clear it first). */
    private boolean visible;
    /** The last write left a line unfinished: drawing now would break it. */
    private boolean lineOpen;

    private StatusLine(Terminal terminal, IntFunction<String> line, PrintStream original, ScheduledExecutorService ticker) {
        this.terminal = terminal;
        this.line = line;
        this.original = original;
        this.ticker = ticker;
    }

    /**
     * Starts showing {@code line} (given the width, returns the text) for as long as a job runs:
     * redrawn on a terminal, a plain log line every 10 s when {@code verbose} and not a terminal,
     * else nothing.
     */
    public static StatusLine start(Terminal terminal, boolean quiet, boolean verbose, IntFunction<String> line) {
        return start(terminal, quiet, verbose, line, PLAIN_EVERY);
    }

    /** As {@link #start(Terminal, boolean, boolean, IntFunction)}, with the plain line every {@code plainEvery}. */
    static StatusLine start(Terminal terminal, boolean quiet, boolean verbose, IntFunction<String> line, Duration plainEvery) {
        if (quiet || (!terminal.interactive() && !verbose)) {
            return new StatusLine(terminal, line, null, null);
        }
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress");
            t.setDaemon(true);
            return t;
        });
        if (!terminal.interactive()) {
            StatusLine plain = new StatusLine(terminal, line, null, ticker);
            long every = plainEvery.toMillis();
            ticker.scheduleAtFixedRate(() -> log.info("progress: {}", line.apply(Integer.MAX_VALUE)),
                    every, every, TimeUnit.MILLISECONDS);
            return plain;
        }
        StatusLine status = new StatusLine(terminal, line, System.err, ticker);
        System.setErr(new PrintStream(status.new Guard(), true, StandardCharsets.UTF_8));
        ticker.scheduleAtFixedRate(status::draw, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
        return status;
    }

    /** Where the job's own lines go so that they never mix with the progress line. */
    public PrintWriter writer(PrintWriter otherwise) {
        return original == null ? otherwise : new PrintWriter(System.err, true);
    }

    private void draw() {
        try {
            String text = line.apply(Math.max(10, terminal.width() - 1));
            synchronized (lock) {
                if (lineOpen) {
                    return;
                }
                original.print(CLEAR + text);
                original.flush();
                visible = true;
            }
        } catch (RuntimeException e) {
            log.debug("progress line failed", e); // never worth stopping the job for
        }
    }

    private void clear() {
        if (visible) {
            original.print(CLEAR);
            visible = false;
        }
    }

    @Override
    public void close() {
        if (ticker == null) {
            return;
        }
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (original != null) {
            synchronized (lock) {
                clear();
                original.flush();
            }
            System.setErr(original);
        }
    }

    /** stderr while the line is shown: every write clears the line first. */
    private final class Guard extends OutputStream {
        @Override
        public void write(int b) {
            synchronized (lock) {
                clear();
                original.write(b);
                lineOpen = b != '\n';
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (len == 0) {
                return;
            }
            synchronized (lock) {
                clear();
                original.write(b, off, len);
                lineOpen = b[off + len - 1] != '\n';
            }
        }

        @Override
        public void flush() {
            original.flush();
        }
    }
}
