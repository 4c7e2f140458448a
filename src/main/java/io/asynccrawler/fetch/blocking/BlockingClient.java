package io.asynccrawler.fetch.blocking;

import io.asynccrawler.fetch.BodyReceiver;
import io.asynccrawler.fetch.ExchangeClient;
import io.asynccrawler.fetch.FetchException;
import io.asynccrawler.fetch.FetchSettings;
import io.asynccrawler.fetch.InFlight;
import io.asynccrawler.fetch.Request;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javax.net.ssl.SSLSocketFactory;

/**
 * The blocking transport: each exchange is plain blocking I/O on the thread that runs it
 * ({@link BlockingExchange}). The executor decides the mode: the caller's own thread (sync), a pool
 * (threads) or virtual threads. This is the classic "sync to async" wrapper: the async call is the
 * blocking call handed to an executor.
 */
public final class BlockingClient implements ExchangeClient {
    private final FetchSettings settings;
    private final Executor executor;
    private final SSLSocketFactory tls;

    /**
     * @param settings timeouts and TLS choices
     * @param tls      socket factory for https (see {@link BlockingTls})
     * @param executor where each blocking exchange runs
     */
    public BlockingClient(FetchSettings settings, SSLSocketFactory tls, Executor executor) {
        this.settings = settings;
        this.tls = tls;
        this.executor = executor;
    }

    @Override
    public InFlight exchange(Request request, BodyReceiver receiver) {
        BlockingExchange exchange = new BlockingExchange(request, receiver, settings, tls);
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    exchange.run();
                    done.complete(null);
                } catch (FetchException e) {
                    done.completeExceptionally(e);
                } catch (RuntimeException e) {
                    receiver.onAbort();
                    done.completeExceptionally(new FetchException("error", e.toString(), false, e));
                }
            });
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(FetchException.cancelled());
        }
        return new InFlight() {
            @Override
            public CompletableFuture<Void> completion() {
                return done;
            }

            @Override
            public void abort() {
                exchange.abort();
            }
        };
    }

    @Override
    public void close() {
        // Nothing to release: each exchange owns its connection, and the executor belongs to the mode.
    }
}
