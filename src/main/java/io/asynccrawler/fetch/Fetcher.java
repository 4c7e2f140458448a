package io.asynccrawler.fetch;

import java.util.concurrent.CompletableFuture;

/** Turns a Target into a Result, redirects and retries included. The future never fails: a failure is a Result. */
public interface Fetcher {
    CompletableFuture<Result> fetch(Target target);

    /**
     * Stops every fetch under way and refuses new attempts: each ends as a {@code cancelled}
     * failure once its part file is gone.
     */
    void cancelAll();

    /** Whether the calling thread may block: see {@link ExchangeClient#mayBlockHere()}. */
    default boolean mayBlockHere() {
        return false;
    }
}
