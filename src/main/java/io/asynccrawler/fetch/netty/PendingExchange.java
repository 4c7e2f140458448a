package io.asynccrawler.fetch.netty;

import io.asynccrawler.fetch.FetchException;
import io.asynccrawler.fetch.InFlight;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link InFlight} handed out before a connection is acquired: an abort that comes early is
 * passed on once the exchange exists.
 */
final class PendingExchange implements InFlight {
    private final CompletableFuture<Void> completion = new CompletableFuture<>();
    private NettyExchange exchange;
    private boolean aborted;

    @Override
    public CompletableFuture<Void> completion() {
        return completion;
    }

    synchronized void attach(NettyExchange started) {
        exchange = started;
        started.completion().whenComplete((v, e) -> {
            if (e == null) {
                completion.complete(null);
            } else {
                completion.completeExceptionally(e);
            }
        });
        if (aborted) {
            started.abort();
        }
    }

    void fail(FetchException failure) {
        completion.completeExceptionally(failure);
    }

    /** True if aborted before a connection came: the caller gives that connection straight back. */
    synchronized boolean aborted() {
        return aborted;
    }

    @Override
    public synchronized void abort() {
        if (aborted) {
            return;
        }
        aborted = true;
        if (exchange != null) {
            exchange.abort();
        } else {
            // Nothing was received yet, so there is nothing for the receiver to drop.
            completion.completeExceptionally(FetchException.cancelled());
        }
    }
}
