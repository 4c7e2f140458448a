package io.asynccrawler.fetch;

import io.asynccrawler.save.FileSink;
import io.asynccrawler.save.OutputDirectory;
import io.asynccrawler.save.ServerTimes;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The policy every mode shares, on top of any transport: skip what is already saved (and leave a
 * part file --resume could continue to a run with --resume), then per
 * attempt one exchange, following redirects and retrying transient failures (see {@link FetchRun}).
 */
public final class PolicyFetcher implements Fetcher {
    private final FetchRun.Policy policy;
    private final FetchSettings settings;
    private final OutputDirectory dir;
    private final Receivers files;
    private final Set<FetchRun> active = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    public PolicyFetcher(ExchangeClient client, FetchSettings settings, OutputDirectory dir) {
        this(client, settings, dir, new Downloads());
    }

    /** As above, telling {@code saved} of every body as it is saved (the progress line's live view). */
    public PolicyFetcher(ExchangeClient client, FetchSettings settings, OutputDirectory dir, Downloads saved) {
        this.policy = new FetchRun.Policy(client, settings, new RequestHeaders(settings), new HostPacer(settings.pacing()));
        this.settings = settings;
        this.dir = dir;
        this.files = FileReceivers.into(dir, settings, saved);
    }

    /** Saves {@code target}'s body to its file, unless the file is there already (and no --overwrite). */
    @Override
    public CompletableFuture<Result> fetch(Target target) {
        FetchRun.Started started = FetchRun.Started.now();
        try {
            ServerTimes.Condition condition = null;
            if ((!settings.overwrite() || settings.timestamping()) && FileSink.exists(dir, target.file())) {
                if (!settings.timestamping()) {
                    return CompletableFuture.completedFuture(Result.skipped(target, started.at()));
                }
                condition = ServerTimes.of(dir.resolve(target.file())); // -N: asked for again, if changed
            }
            if (!settings.resume() && !settings.overwrite() && !dir.startedEmpty()) {
                // An earlier --resume run's part file: starting over would throw its bytes away unasked.
                ResumePoint left = ResumePoint.find(dir, target.file(), Urls.redact(target.uri()));
                if (left != null) {
                    return CompletableFuture.completedFuture(Result.failedBefore(target, started.at(),
                            FetchException.partLeft(target.file() + ".part", left.offset())));
                }
            }
            return run(target, files, started, condition);
        } catch (IOException e) {
            return CompletableFuture.completedFuture(Result.failedBefore(target, started.at(), FetchException.writeError(e)));
        }
    }

    /**
     * Fetches {@code target} into the receivers {@code receivers} makes (robots.txt into memory,
     * say), with the same redirects, retries and timeouts; no file is looked for first.
     */
    public CompletableFuture<Result> fetch(Target target, Receivers receivers) {
        return run(target, receivers, FetchRun.Started.now(), null);
    }

    /** Runs {@code target}: asked for only if changed since {@code condition} says (-N), unless null. */
    private CompletableFuture<Result> run(Target target, Receivers receivers, FetchRun.Started started, ServerTimes.Condition condition) {
        FetchRun run = new FetchRun(policy, target, receivers, started).onlyIfChanged(condition);
        active.add(run);
        if (cancelled) {
            run.cancel();
        }
        return run.start().whenComplete((r, e) -> active.remove(run));
    }

    @Override
    public boolean mayBlockHere() {
        return policy.client().mayBlockHere();
    }

    @Override
    public void cancelAll() {
        cancelled = true;
        for (FetchRun run : active) {
            run.cancel();
        }
    }
}
