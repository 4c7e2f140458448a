package io.asynccrawler.fetch.netty;

import io.asynccrawler.fetch.FetchException;
import io.asynccrawler.fetch.InFlight;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link InFlight} handed out before a connection is acquired: an abort that comes early is
 * passed on once the exchange exists, and a replacement exchange (after a stale connection) takes
 * over the same completion.
 */
final class PendingExchange implements InFlight {
    private final CompletableFuture<Void> completion = new CompletableFuture<>();
    private NettyExchange exchange;
    private boolean aborted;

    @Override
    public CompletableFuture<Void> completion() {
        return completion;
    }

    /** The exchange now under way: an abort goes to it. */
    synchronized void attach(NettyExchange started) {
        exchange = started;
        if (aborted) {
            started.abort();
        }
    }

    /** Ends with what the last exchange ended with. */
    void finish(Throwable failure) {
        if (failure == null) {
            completion.complete(null);
        } else {
            completion.completeExceptionally(failure);
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
