package io.asynccrawler.job;

import io.asynccrawler.fetch.Fetcher;
import io.asynccrawler.fetch.Reason;
import io.asynccrawler.fetch.Result;
import io.asynccrawler.fetch.Target;
import io.asynccrawler.save.PathClaims;
import io.asynccrawler.save.TargetPaths;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run over one Frontier: takes its entries on the calling thread, holds a permit of the
 * semaphore (and a place of the URL's host) for each URL from request start to file close, and
 * reports every Result, then tells the frontier; an entry that is an input error, or a URL the
 * frontier excludes, is reported as it is taken. Taking stops while all permits are out: that is
 * what keeps input lazy.
 * A result is reported on the thread that completed its fetch when that thread may block (a disk
 * thread that saved the body, a blocking mode's worker) and no other is reporting there, else on a
 * thread of its own, never on an event loop: the report may write to a pipe nobody reads, and a
 * URL's permit comes back only after its result is reported, so a stuck report holds back new
 * URLs, not the event loops, nor the bodies of the URLs in flight.
 */
public final class Job {
    private final Fetcher fetcher;
    private final JobSettings settings;
    private final JobListener listener;
    private final Semaphore permits;
    private final HostQueues hosts;
    /** One party for the reader, one per URL started or waiting. */
    private final Phaser inFlight = new Phaser(1);
    /** Made by {@link #run} from the frontier's names. */
    private PathClaims claims;
    private volatile boolean interrupted;
    private volatile Thread reader;
    /** Entries read from the input so far (URLs and bad lines), and whether the input is finished. */
    private volatile long read;
    private volatile boolean readingDone;
    /** The frontier will give no more (not interrupted): once no URL waits for its host either, none will start. */
    private volatile boolean frontierEnded;
    private final AtomicBoolean toldAllStarted = new AtomicBoolean();
    /** The frontier of the run under way, told as each URL ends. */
    private volatile Frontier frontier;
    /** Reports the results of fetches that ended where nothing may block (made by run, shut down as it returns). */
    private volatile ExecutorService reporter;
    /** Runs a settle where the fetch ended or hands it to the reporter: see {@link #settleWhereAllowed}. */
    private final Executor settler = this::settleWhereAllowed;
    /** A settle runs on a thread that ended its fetch (one at a time: see {@link #settleWhereAllowed}). */
    private final AtomicBoolean settlingInline = new AtomicBoolean();

    public Job(Fetcher fetcher, JobSettings settings, JobListener listener) {
        this.fetcher = fetcher;
        this.settings = settings;
        this.listener = listener;
        this.permits = new Semaphore(settings.concurrency());
        // Waiting URLs are bounded too: a few per permit keeps the reader ahead without loading the list.
        this.hosts = settings.perHost() > 0 ? new HostQueues(settings.perHost(), Math.max(64, settings.concurrency() * 4)) : null;
    }

    /** Runs every entry of {@code frontier}; returns when each has a Result (or the job was interrupted). */
    public JobTotals run(Frontier frontier) {
        this.frontier = frontier;
        this.claims = new PathClaims(frontier.names());
        reader = Thread.currentThread();
        reporter = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, "job-results");
            t.setDaemon(true); // a report blocked for good does not keep the process alive
            return t;
        });
        int inputErrors = 0;
        int targets = 0;
        try {
            while (!interrupted) {
                Frontier.Entry entry;
                try {
                    entry = frontier.take();
                } catch (InterruptedException e) {
                    break; // interrupt() woke the wait
                }
                if (interrupted) {
                    break; // the read the interrupt ended (stdin's reports an error): not an entry
                }
                if (entry == null) {
                    frontierEnded = true;
                    tellAllStartedOnceNoneWaits();
                    break;
                }
                read++; // one writer: the reading thread
                if (entry.isExcluded()) {
                    listener.result(Result.excluded(entry.uri(), entry.origin(), entry.excluded(), entry.error()));
                    continue;
                }
                if (entry.isError()) {
                    inputErrors++;
                    String message = entry.location() + ": " + entry.error();
                    listener.inputError(message);
                    listener.result(Result.badInput(entry.input(), message)); // in the report too: nothing given is lost
                    continue;
                }
                Target target = target(entry);
                targets++;
                if (!start(target)) {
                    break;
                }
            }
        } finally {
            readingDone = true;
            inFlight.arriveAndAwaitAdvance();
            reporter.shutdown(); // every result is reported: the phaser waited for each settle
            reader = null;
            Thread.interrupted(); // interrupt() may have woken us; the flag has done its work
        }
        return new JobTotals(targets, inputErrors, frontier.duplicates(), interrupted);
    }

    private Target target(Frontier.Entry entry) {
        Path wanted = entry.explicitPath() != null
                ? TargetPaths.forExplicit(entry.explicitPath())
                : TargetPaths.forUrl(entry.uri());
        Path claimed = claims.claim(wanted, entry.uri().toString());
        if (!claimed.equals(wanted)) { // not only in the report: the user looks for the file by its URL's name
            listener.note(entry.uri() + ": saved as " + claimed + ", as " + wanted + " is an earlier URL's name");
        }
        return new Target(entry.uri(), claimed, SecondColumn.source(entry), entry.origin());
    }

    /**
     * Starts {@code target}, or queues it behind its host's cap; false if interrupted while waiting.
     * A URL holds one permit of the semaphore while under way, and one place of its host.
     */
    private boolean start(Target target) {
        try {
            if (hosts != null && !hosts.admitOrQueue(target)) {
                inFlight.register(); // queued: a finishing URL of the same host hands over its permits
                return true;
            }
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                Target waiting = hosts == null ? null : hosts.next(target); // give back the host place
                if (waiting != null) {
                    report(waiting, Result.cancelled(waiting));
                    inFlight.arriveAndDeregister();
                }
                throw e;
            }
        } catch (InterruptedException e) {
            report(target, Result.cancelled(target));
            return false;
        }
        inFlight.register();
        launch(target);
        return true;
    }

    /**
     * Fetches {@code target}; when it ends, a waiting URL of the same host takes over its permits.
     * A loop rather than recursion, since a run of skipped files completes at once.
     */
    private void launch(Target target) {
        for (Target current = target; current != null; ) {
            CompletableFuture<Result> fetch;
            try {
                fetch = fetcher.fetch(current);
            } catch (RuntimeException e) {
                // A fetcher that throws instead of failing its future: that URL fails, the job goes
                // on, and its permit comes back (left registered, the job would never end).
                fetch = CompletableFuture.failedFuture(e);
            }
            if (!fetch.isDone()) {
                Target running = current;
                fetch.whenCompleteAsync((result, error) -> {
                    Target next = settle(running, result, error);
                    if (next != null) {
                        launch(next);
                    }
                }, settler);
                return;
            }
            current = fetch.isCompletedExceptionally()
                    ? settle(current, null, fetch.handle((r, e) -> e).join())
                    : settle(current, fetch.getNow(null), null);
        }
    }

    /**
     * Runs {@code settle} on the thread that ended the fetch when that thread may block (the
     * fetcher says) and no other such settle is under way; else on the reporter, and so when the
     * fetch ended before the reader could wait for it (the reader goes on reading). A report that
     * blocks (a pipe nobody reads) so holds one such thread at most (a disk thread, say, of
     * several), and the others go on saving the bodies of the URLs in flight; the reporter, and
     * with it the permits, wait for the pipe.
     */
    private void settleWhereAllowed(Runnable settle) {
        if (Thread.currentThread() != reader && fetcher.mayBlockHere() && settlingInline.compareAndSet(false, true)) {
            try {
                settle.run();
            } finally {
                settlingInline.set(false);
            }
        } else {
            reporter.execute(settle);
        }
    }

    /**
     * Reports one URL's result; returns the URL its permits pass to, or null once they are given
     * back. The URL leaves the phaser last, so that {@link #run} returns with every permit back.
     */
    private Target settle(Target target, Result result, Throwable error) {
        Target next = null;
        try {
            report(target, result != null ? result : Result.failedBefore(target, Reason.ERROR, String.valueOf(error)));
        } finally {
            try {
                next = hosts == null ? null : hosts.next(target); // a waiting URL is registered in the phaser already
                if (next == null) {
                    permits.release(); // the one place a permit comes back, whatever happened to the URL
                }
                tellAllStartedOnceNoneWaits(); // the last waiting URL may just have been handed on
            } finally {
                inFlight.arriveAndDeregister();
            }
        }
        return next;
    }

    /** Reports {@code target}'s result, then tells the frontier: what the fetch found is queued before its permit comes back. */
    private void report(Target target, Result result) {
        if (result.isRedirect()) { // a crawl's /list -> /list/ saved nothing: `list` is the directory's
            claims.giveBack(target.file(), target.uri().toString());
        }
        try {
            listener.result(target.origin() == null ? SecondColumn.noted(target, result)
                    : frontier.noted(target, result.withOrigin(target.origin())));
        } finally {
            frontier.ended(target, result);
        }
    }

    /**
     * Tells the listener, once, that every URL has started when the frontier has ended and no URL
     * waits behind its host's cap: the transport's connections need not wait idle for the end of
     * the job. Called by the reader when the frontier ends and as every URL ends (after it handed
     * its place on, if a URL waited for it): whichever first sees both conditions tells.
     */
    private void tellAllStartedOnceNoneWaits() {
        // Cheap volatile reads first: this runs as every URL ends, often on an event loop, and
        // HostQueues.isEmpty takes the queues' lock.
        if (frontierEnded && !toldAllStarted.get() && (hosts == null || hosts.isEmpty())
                && toldAllStarted.compareAndSet(false, true)) {
            listener.allStarted();
        }
    }

    /** Entries (URLs and bad lines) read from the input so far. */
    public long read() {
        return read;
    }

    /** Whether the whole input has been read (so {@link #read()} is the total). */
    public boolean readingDone() {
        return readingDone;
    }

    /** URLs under way now: permits held. */
    public int inFlight() {
        return settings.concurrency() - permits.availablePermits();
    }

    /** Permits of the semaphore not held by a URL: the concurrency when nothing is under way. */
    public int idlePermits() {
        return permits.availablePermits();
    }

    /** Stops reading, cancels every fetch under way; {@link #run} then returns once they have ended. */
    public void interrupt() {
        interrupted = true;
        fetcher.cancelAll();
        if (hosts != null) {
            for (Target waiting : hosts.drain()) {
                report(waiting, Result.cancelled(waiting));
                inFlight.arriveAndDeregister();
            }
        }
        Thread t = reader;
        if (t != null) {
            t.interrupt();
        }
    }
}
