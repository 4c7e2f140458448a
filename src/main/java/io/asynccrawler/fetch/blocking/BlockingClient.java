package io.asynccrawler.fetch.blocking;

import io.asynccrawler.fetch.BodyReceiver;
import io.asynccrawler.fetch.ExchangeClient;
import io.asynccrawler.fetch.FetchException;
import io.asynccrawler.fetch.FetchSettings;
import io.asynccrawler.fetch.InFlight;
import io.asynccrawler.fetch.RateLimit;
import io.asynccrawler.fetch.Reason;
import io.asynccrawler.fetch.Request;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLSocketFactory;

/**
 * The blocking transport: each exchange is plain blocking I/O on the thread that runs it
 * ({@link BlockingExchange}). The executor decides the mode: the caller's own thread (sync), a pool
 * (threads) or virtual threads. This is the classic "sync to async" wrapper: the async call is the
 * blocking call handed to an executor.
 */
public final class BlockingClient implements ExchangeClient {
    private final BlockingExchange.Setup setup;
    private final Executor executor;

    /**
     * @param settings    timeouts and TLS choices
     * @param tls         socket factory for https (see {@link BlockingTls})
     * @param executor    where each blocking exchange runs
     * @param idlePerHost idle connections HttpURLConnection keeps per host (see {@link #setJvmWideLimits})
     */
    public BlockingClient(FetchSettings settings, SSLSocketFactory tls, Executor executor, int idlePerHost) {
        setJvmWideLimits(idlePerHost);
        this.setup = new BlockingExchange.Setup(settings, tls, settings.limitRate() > 0 ? new RateLimit(settings.limitRate()) : null);
        this.executor = executor;
    }

    @Override
    public InFlight exchange(Request request, BodyReceiver unguarded) {
        Guarded receiver = new Guarded(unguarded);
        BlockingExchange exchange = new BlockingExchange(request, receiver, setup);
        Settled settled = new Settled(receiver);
        try {
            executor.execute(() -> {
                try {
                    exchange.run();
                    settled.complete();
                } catch (FetchException e) {
                    settled.fail(e, false);
                } catch (RuntimeException e) {
                    settled.fail(new FetchException(Reason.ERROR, e.toString(), false, e), true);
                }
            });
        } catch (RejectedExecutionException e) {
            settled.fail(FetchException.cancelled(), false);
        }
        return new InFlight() {
            @Override
            public CompletableFuture<Void> completion() {
                return settled.done;
            }

            @Override
            public void abort() {
                exchange.abort();
                // A blocked read cannot be woken from here, so the exchange ends now: its part
                // file is dropped at once, and the blocked thread finds that out when it wakes. A
                // thread inside a receiver call (a write) ends the exchange itself as the call returns.
                receiver.abortFromAnotherThread(() -> settled.fail(FetchException.cancelled(), false));
            }
        };
    }

    /**
     * Sets what HttpURLConnection reads from the JVM's system properties, unless given with -D: at
     * most {@code idlePerHost} idle connections kept per host (its default, 5, would make the
     * blocking modes reconnect where the event loop reuses), and the async transport's 300 KiB limit
     * on a response head (its own is 384 KiB). HttpURLConnection reads them once per process, at
     * its first exchange: so every client sets them before it can run one, and the first wins.
     */
    private static void setJvmWideLimits(int idlePerHost) {
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", String.valueOf(idlePerHost));
        }
        if (System.getProperty("jdk.http.maxHeaderSize") == null) {
            System.setProperty("jdk.http.maxHeaderSize", String.valueOf(300 * 1024)); // as the event loop's (ClientPipeline)
        }
    }

    /** Every thread an exchange ends on is one that blocks on I/O anyway. */
    @Override
    public boolean mayBlockHere() {
        return true;
    }

    /** Ends an exchange once: by its own thread, or early by an abort. */
    private static final class Settled {
        final CompletableFuture<Void> done = new CompletableFuture<>();
        private final AtomicBoolean over = new AtomicBoolean();
        private final BodyReceiver receiver;

        Settled(BodyReceiver receiver) {
            this.receiver = receiver;
        }

        void complete() {
            if (over.compareAndSet(false, true)) {
                done.complete(null);
            }
        }

        void fail(FetchException failure, boolean abortReceiver) {
            if (over.compareAndSet(false, true)) {
                if (abortReceiver) {
                    receiver.onAbort();
                }
                done.completeExceptionally(failure);
            }
        }
    }

    @Override
    public void close() {
        // Nothing to release: each exchange owns its connection, and the executor belongs to the mode.
    }
}
