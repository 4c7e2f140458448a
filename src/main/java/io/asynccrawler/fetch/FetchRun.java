package io.asynccrawler.fetch;

import io.asynccrawler.save.ServerTimes;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One Target's way to a Result: exchange, then redirect, retry or finish. Each step is a stage of
 * one CompletableFuture chain; at most one exchange or one wait is under way at a time. Each
 * exchange gets a new receiver from {@link Receivers}: what the body is for (a file, memory) does
 * not change the policy.
 */
final class FetchRun {
    /**
     * What every run of a job shares.
     *
     * @param client         the transport
     * @param settings       redirects, retries, timeouts
     * @param requestHeaders the headers each request carries
     * @param pacer          spaces the requests to each host
     */
    record Policy(ExchangeClient client, FetchSettings settings, RequestHeaders requestHeaders, HostPacer pacer) {
    }

    /** When a fetch began: the report's wall-clock time, and the monotonic one its durations count from. */
    record Started(Instant at, long nanos) {
        static Started now() {
            return new Started(Instant.now(), System.nanoTime());
        }
    }

    private final ExchangeClient client;
    private final FetchSettings settings;
    private final RequestHeaders requestHeaders;
    private final HostPacer pacer;
    private final Receivers receivers;
    private final Target target;
    private final Instant startedAt;
    private final long startNanos;
    /** The URLs of this redirect chain so far, the target first; null before the first redirect. */
    private List<URI> redirectedTo;
    private int attempts;
    private int retriesUsed;
    private boolean restartedPart;
    /** Asking for a part's last byte again, to confirm a part a 416 without Content-Range left unconfirmed. */
    private boolean confirmingPart;
    /** The last request carried an Authorization: a 401 to it means they were refused ({@code auth_failed}). */
    private boolean sentCredentials;
    /** -N: the saved file's time and ETag, asked with; a 304 then skips the URL. Null: not asked. */
    private ServerTimes.Condition condition;
    private long attemptNanos;
    private volatile boolean cancelled;
    private volatile InFlight inFlight;
    private volatile CompletableFuture<Void> waiting;

    FetchRun(Policy policy, Target target, Receivers receivers, Started started) {
        this.client = policy.client();
        this.settings = policy.settings();
        this.requestHeaders = policy.requestHeaders();
        this.pacer = policy.pacer();
        this.receivers = receivers;
        this.target = target;
        this.startedAt = started.at();
        this.startNanos = started.nanos();
    }

    CompletableFuture<Result> start() {
        return attempt(target.uri());
    }

    void cancel() {
        cancelled = true;
        InFlight current = inFlight;
        if (current != null) {
            current.abort();
        }
        CompletableFuture<Void> wait = waiting;
        if (wait != null) {
            wait.complete(null);
        }
    }

    private CompletableFuture<Result> attempt(URI uri) {
        long pace = cancelled ? 0 : pacer.delayNanos(uri.getHost()); // --wait, --rate: every request to the host, as wget
        return pace > 0 ? after(pace).thenCompose(v -> attemptNow(uri)) : attemptNow(uri);
    }

    private CompletableFuture<Result> attemptNow(URI uri) {
        if (cancelled) {
            return CompletableFuture.completedFuture(failed(uri, null, FetchException.cancelled()));
        }
        attempts++;
        attemptNanos = System.nanoTime();
        if (!receivers.resumable()) {
            return send(uri, null);
        }
        // Looking for a part file touches the disk: never on the thread that completed the last step (an event loop).
        return CompletableFuture.supplyAsync(this::resumePoint, ResumeLookups.EXECUTOR).thenCompose(point -> send(uri, point));
    }

    private ResumePoint resumePoint() {
        try {
            ResumePoint point = receivers.resumePoint(target);
            return confirmingPart && point != null && point.offset() > 0 ? new ResumePoint(point.offset() - 1, point.meta()) : point;
        } catch (IOException e) {
            return null; // unreadable: the download starts over, and writing will tell what is wrong
        }
    }

    private CompletableFuture<Result> send(URI uri, ResumePoint point) {
        Receiver body = receivers.open(target, point);
        List<Header> headers = requestHeaders.forRequest(uri, target.uri());
        sentCredentials = Header.any(headers, "Authorization");
        if (point != null || condition != null) {
            headers = new ArrayList<>(headers);
            headers.addAll(point != null ? point.headers() : RequestHeaders.conditional(condition));
        }
        InFlight exchange = client.exchange(new Request(Urls.withoutUserInfo(uri), headers, settings.proxies().forUri(uri)), body);
        inFlight = exchange;
        if (cancelled) {
            exchange.abort();
        }
        return exchange.completion()
                .handle((ok, error) -> error)
                .thenCompose(error -> next(uri, body, error));
    }

    /** Asks only for a body that changed since {@code saved} says (-N; null: any body). */
    FetchRun onlyIfChanged(ServerTimes.Condition saved) {
        condition = saved;
        return this;
    }

    /** The step after an exchange: finish, follow a redirect, or retry. */
    private CompletableFuture<Result> next(URI uri, Receiver body, Throwable error) {
        pacer.ended(uri.getHost());
        ResponseHead head = body.head();
        requestHeaders.received(uri, head); // cookies set on the way: a login's redirect that sets one and comes back
        if (error != null) {
            FetchException failure = classify(error);
            if (failure.reason() == Reason.CANCELLED) {
                return done(cancelled(uri, head, body));
            }
            return failure.isTransient() ? retry(uri, head, failure, null) : done(failed(uri, head, failure));
        }
        int status = head.status();
        if (status / 100 == 2 || body.completedFromPart()) {
            return done(result(uri, head, body, Outcome.OK, null));
        }
        if (body.partNeedsConfirming() && !confirmingPart) {
            // A 206 for bytes=(len-1)- with If-Range, ending at len-1 of len, proves the part whole
            // with one byte; a changed body comes whole (200) instead.
            confirmingPart = true;
            return attempt(uri);
        }
        if (body.partDiscarded() && !restartedPart) {
            restartedPart = true; // a 416 for a part file that cannot be continued: it is gone, ask for the whole body
            return attempt(uri);
        }
        if (status == 304 && condition != null) {
            Result r = result(uri, head, null, Outcome.SKIPPED, new FetchException(Reason.NOT_MODIFIED,
                    "not modified since " + condition.ifModifiedSince(), false));
            return done(r.withFile(target.file().toString()));
        }
        if (Redirects.STATUSES.contains(status)) {
            return redirect(uri, head);
        }
        FetchException http = FetchException.of(head, sentCredentials, status == 407 ? settings.proxies().forUri(uri) : null);
        if (http.isTransient()) {
            return retry(uri, head, http, Retries.retryAfter(head.header("retry-after"), ZonedDateTime.now(ZoneOffset.UTC)));
        }
        return done(failed(uri, head, http));
    }

    private CompletableFuture<Result> redirect(URI uri, ResponseHead head) {
        URI next;
        try {
            next = Redirects.next(uri, head.header("location"), settings.allowDowngrade());
        } catch (FetchException e) {
            return done(failed(uri, head, e));
        }
        if (target.origin() != null) { // a crawl's URL: the crawl follows the redirect as a URL of its own
            return done(redirected(uri, head, next));
        }
        // A URL met again is followed: servers answer a second visit differently (a cookie the
        // first set, a counter). Only the redirect budget ends a chain; a cycle in it is named then.
        if (redirectedTo == null) {
            redirectedTo = new ArrayList<>();
            redirectedTo.add(target.uri());
        }
        redirectedTo.add(next);
        if (redirectedTo.size() - 1 > settings.maxRedirects()) {
            return done(failed(uri, head, Redirects.tooMany(redirectedTo, settings.maxRedirects())));
        }
        retriesUsed = 0; // each URL of the chain gets the full retry budget
        return attempt(next);
    }

    private CompletableFuture<Result> retry(URI uri, ResponseHead head, FetchException failure, Duration retryAfter) {
        if (retriesUsed >= settings.retries() || cancelled) {
            return done(failed(uri, head, failure));
        }
        Duration cap = settings.timeout() != null ? settings.timeout() : Retries.MAX_RETRY_AFTER;
        if (retryAfter != null && retryAfter.compareTo(cap) > 0) {
            return done(failed(uri, head, failure.withoutRetry(" (Retry-After " + Durations.format(retryAfter)
                    + " is longer than the " + Durations.format(cap) + " we wait)")));
        }
        retriesUsed++;
        Duration backoff = Retries.backoff(retriesUsed);
        Duration wait = retryAfter != null && retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
        return after(wait.toNanos()).thenCompose(v -> attempt(uri));
    }

    /** Completes after {@code nanos} on a timer, no thread held, or at once when the run is cancelled. */
    private CompletableFuture<Void> after(long nanos) {
        CompletableFuture<Void> timer = new CompletableFuture<>();
        waiting = timer;
        CompletableFuture.delayedExecutor(nanos, TimeUnit.NANOSECONDS).execute(() -> timer.complete(null));
        if (cancelled) {
            timer.complete(null);
        }
        return timer;
    }

    private static FetchException classify(Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (e instanceof FetchException) {
            return (FetchException) e;
        }
        return new FetchException(Reason.ERROR, e.toString(), false, e);
    }

    private static CompletableFuture<Result> done(Result result) {
        return CompletableFuture.completedFuture(result);
    }

    private Result failed(URI uri, ResponseHead head, FetchException failure) {
        return result(uri, head, null, failure.reason() == Reason.CANCELLED ? Outcome.CANCELLED : Outcome.FAILED, failure);
    }

    /** Stopped by the job (Ctrl-C): with --resume, the part file kept and its size, what the next run continues. */
    private Result cancelled(URI uri, ResponseHead head, Receiver body) {
        Result r = failed(uri, head, FetchException.cancelled());
        long kept = body.keptInPart();
        if (kept <= 0 || body.file() == null) {
            return r;
        }
        return new Result(r.url(), r.finalUrl(), r.status(), body.file() + ".part", kept, r.contentType(), r.attempts(),
                r.startedAt(), r.ttfbMs(), r.totalMs(), Outcome.CANCELLED, Reason.CANCELLED, r.error(), body.resumedFrom(), null,
                r.protocol());
    }

    /**
     * A crawl's URL answered with a redirect to {@code to}: a result of its own (status 3xx, no
     * file, {@code finalUrl} the Location), so that the crawl admits {@code to} through its scope
     * and seen-set, as a link, and a page redirected to twice is fetched once.
     */
    private Result redirected(URI uri, ResponseHead head, URI to) {
        Result r = result(uri, head, null, Outcome.OK, null);
        return new Result(r.url(), Urls.redact(to), r.status(), null, 0, r.contentType(), r.attempts(), r.startedAt(), r.ttfbMs(),
                r.totalMs(), Outcome.OK, null, null, 0, null, r.protocol());
    }

    /** The result of the exchange with {@code head}; {@code kept} is the receiver that kept its body (for OK). */
    private Result result(URI uri, ResponseHead head, Receiver kept, Outcome outcome, FetchException failure) {
        long now = System.nanoTime();
        long ttfb = head == null ? -1 : TimeUnit.NANOSECONDS.toMillis(head.receivedNanos() - attemptNanos);
        long bytes = kept == null ? 0 : kept.saved();
        long resumedFrom = kept == null ? 0 : kept.resumedFrom();
        String file = kept == null || kept.file() == null ? null : kept.file().toString();
        return new Result(Urls.redact(target.uri()), Urls.redact(uri), head == null ? 0 : head.status(), file, bytes,
                head == null ? null : head.header("content-type"), attempts, startedAt, ttfb,
                TimeUnit.NANOSECONDS.toMillis(now - startNanos), outcome,
                failure == null ? null : failure.reason(), failure == null ? null : failure.getMessage(), resumedFrom, null,
                head == null ? null : head.protocol());
    }

    /** Threads for --resume's part-file lookups (a stat and a small read each), made on first use. */
    private static final class ResumeLookups {
        static final Executor EXECUTOR = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "resume-lookup");
            t.setDaemon(true);
            return t;
        });
    }
}
