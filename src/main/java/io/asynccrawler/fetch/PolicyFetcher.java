package io.asynccrawler.fetch;

import io.asynccrawler.save.FileSink;
import io.asynccrawler.save.OutputDirectory;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The policy every mode shares, on top of any transport: skip what is already saved, then per
 * attempt one exchange, following redirects and retrying transient failures (see {@link FetchRun}).
 */
public final class PolicyFetcher implements Fetcher {
    private final ExchangeClient client;
    private final FetchSettings settings;
    private final RequestHeaders requestHeaders;
    private final OutputDirectory dir;
    private final LongAdder saved;
    private final Set<FetchRun> active = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    public PolicyFetcher(ExchangeClient client, FetchSettings settings, OutputDirectory dir) {
        this(client, settings, dir, new LongAdder());
    }

    /** As above, adding every body byte saved (after decoding) to {@code saved} as it is written: a live count. */
    public PolicyFetcher(ExchangeClient client, FetchSettings settings, OutputDirectory dir, LongAdder saved) {
        this.client = client;
        this.settings = settings;
        this.requestHeaders = new RequestHeaders(settings);
        this.dir = dir;
        this.saved = saved;
    }

    @Override
    public CompletableFuture<Result> fetch(Target target) {
        Instant startedAt = Instant.now();
        long startNanos = System.nanoTime();
        try {
            if (!settings.overwrite() && FileSink.exists(dir, target.file())) {
                return CompletableFuture.completedFuture(Result.skipped(target, startedAt));
            }
        } catch (IOException e) {
            return CompletableFuture.completedFuture(Result.failedBefore(target, startedAt, FetchException.writeError(e)));
        }
        FetchRun run = new FetchRun(client, settings, requestHeaders, dir, target, startedAt, startNanos, saved);
        active.add(run);
        if (cancelled) {
            run.cancel();
        }
        return run.start().whenComplete((r, e) -> active.remove(run));
    }

    @Override
    public boolean mayBlockHere() {
        return client.mayBlockHere();
    }

    @Override
    public void cancelAll() {
        cancelled = true;
        for (FetchRun run : active) {
            run.cancel();
        }
    }
}
