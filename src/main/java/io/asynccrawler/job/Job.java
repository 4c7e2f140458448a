package io.asynccrawler.job;

import io.asynccrawler.fetch.Fetcher;
import io.asynccrawler.fetch.Outcome;
import io.asynccrawler.fetch.Result;
import io.asynccrawler.fetch.Target;
import io.asynccrawler.fetch.Urls;
import io.asynccrawler.save.PathClaims;
import io.asynccrawler.save.TargetPaths;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * One run over one URL list: reads the input on the calling thread, holds a permit of the
 * semaphore (and of the URL's host) for each URL from request start to file close, and reports
 * every Result. Reading stops while all permits are out: that is what keeps input lazy.
 */
public final class Job {
    private final Fetcher fetcher;
    private final JobSettings settings;
    private final Consumer<Result> onResult;
    private final Consumer<String> onInputError;
    private final Semaphore permits;
    private final Map<String, Semaphore> hostPermits = new ConcurrentHashMap<>();
    private final PathClaims claims = new PathClaims();
    private volatile boolean interrupted;
    private volatile Thread reader;

    public Job(Fetcher fetcher, JobSettings settings, Consumer<Result> onResult, Consumer<String> onInputError) {
        this.fetcher = fetcher;
        this.settings = settings;
        this.onResult = onResult;
        this.onInputError = onInputError;
        this.permits = new Semaphore(settings.concurrency());
    }

    /** Runs every entry of {@code source}; returns when each has a Result (or the job was interrupted). */
    public JobTotals run(UrlSource source) {
        reader = Thread.currentThread();
        Phaser inFlight = new Phaser(1);
        int inputErrors = 0;
        int targets = 0;
        try {
            while (!interrupted && source.hasNext()) {
                UrlSource.Entry entry = source.next();
                if (entry.isError()) {
                    inputErrors++;
                    onInputError.accept(entry.location() + ": " + entry.error());
                    continue;
                }
                Target target = target(entry);
                targets++;
                if (!start(target, inFlight)) {
                    break;
                }
            }
        } finally {
            inFlight.arriveAndAwaitAdvance();
            reader = null;
            Thread.interrupted(); // interrupt() may have woken us; the flag has done its work
        }
        return new JobTotals(targets, inputErrors, source.duplicates(), interrupted);
    }

    private Target target(UrlSource.Entry entry) {
        Path wanted = entry.explicitPath() != null
                ? TargetPaths.forExplicit(entry.explicitPath())
                : TargetPaths.forUrl(entry.uri());
        return new Target(entry.uri(), claims.claim(wanted), entry.location());
    }

    /** Takes the permits for {@code target} and starts it; false if interrupted while waiting. */
    private boolean start(Target target, Phaser inFlight) {
        Semaphore host = settings.perHost() > 0
                ? hostPermits.computeIfAbsent(target.uri().getHost(), h -> new Semaphore(settings.perHost()))
                : null;
        try {
            if (host != null) {
                host.acquire();
            }
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                if (host != null) {
                    host.release();
                }
                throw e;
            }
        } catch (InterruptedException e) {
            onResult.accept(cancelled(target));
            return false;
        }
        inFlight.register();
        fetcher.fetch(target).whenComplete((result, error) -> {
            try {
                onResult.accept(result != null ? result : failed(target, error));
            } finally {
                // The one place a URL's permits come back, whatever happened to it.
                permits.release();
                if (host != null) {
                    host.release();
                }
                inFlight.arriveAndDeregister();
            }
        });
        return true;
    }

    /** Stops reading, cancels every fetch under way; {@link #run} then returns once they have ended. */
    public void interrupt() {
        interrupted = true;
        fetcher.cancelAll();
        Thread t = reader;
        if (t != null) {
            t.interrupt();
        }
    }

    private static Result cancelled(Target target) {
        String url = Urls.redact(target.uri());
        return new Result(url, url, 0, null, 0, null, 0, Instant.now(), -1, 0, Outcome.FAILED, "cancelled", "cancelled");
    }

    private static Result failed(Target target, Throwable error) {
        String url = Urls.redact(target.uri());
        return new Result(url, url, 0, null, 0, null, 0, Instant.now(), -1, 0, Outcome.FAILED, "error", String.valueOf(error));
    }
}
