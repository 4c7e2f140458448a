package io.asynccrawler.fetch;

import java.util.concurrent.CompletableFuture;

/** An exchange under way: its completion, and a way to stop it early. */
public interface InFlight {
    /**
     * Completes after the receiver's {@code onEnd} returned, or fails with a {@link FetchException}
     * after its {@code onAbort} ran: once it is done, nothing of the exchange is left open.
     */
    CompletableFuture<Void> completion();

    /** Stops the exchange: the completion fails with reason {@code cancelled}. Idempotent. */
    void abort();
}
