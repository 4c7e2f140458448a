package io.asynccrawler.fetch.netty;

import io.asynccrawler.fetch.BodyReceiver;
import io.asynccrawler.fetch.FetchException;
import io.asynccrawler.fetch.FetchSettings;
import io.asynccrawler.fetch.Http2Use;
import io.asynccrawler.fetch.InFlight;
import io.asynccrawler.fetch.Protocol;
import io.asynccrawler.fetch.Reason;
import io.asynccrawler.fetch.Request;
import io.netty.channel.Channel;
import io.netty.channel.pool.ChannelPool;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.netty.util.concurrent.Promise;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Finds each exchange what it runs on: a stream of its origin's shared HTTP/2 connection when
 * there is one, else a connection from the origin's pool. A new connection that offered h2 tells
 * by its handshake what the origin speaks; meanwhile the origin's other exchanges wait for that
 * answer rather than open a connection each (as curl's "pipewait"): an h2 origin then has one
 * connection, an HTTP/1.1 one its pool as before.
 */
final class ExchangeRouter {
    /**
     * What the router needs of its client.
     *
     * @param tls      the TLS context, and whether it offers h2
     * @param settings the job's fetch settings (the connect timeout, --http2-prior-knowledge)
     * @param pools    one keep-alive pool per origin
     * @param rules    how every exchange runs
     * @param idle     the idle connections of all pools
     * @param lookups  where blocking setup runs (the TLS context is built there), never an event loop
     */
    record Parts(ClientTls tls, FetchSettings settings, OriginPools pools, ExchangeRules rules, IdleConnections idle,
                 Executor lookups) {
    }

    /** New connections an exchange may look for after one went away under it before it sent anything. */
    private static final int MAX_DETOURS = 3;

    private final Parts parts;
    /** The shared HTTP/2 connections, one per origin that speaks it. */
    private final Http2Sessions sessions;
    /** Origins found to speak HTTP/2 only (to --http1.1): their later URLs fail at once, not after a handshake each. */
    private final Set<Origin> http2Only = ConcurrentHashMap.newKeySet();

    ExchangeRouter(Parts parts) {
        this.parts = parts;
        this.sessions = new Http2Sessions(parts.idle(), parts.settings().readTimeout());
    }

    /** Starts {@code request}'s exchange; what it returns ends with it. */
    InFlight start(Request request, BodyReceiver receiver) {
        PendingExchange pending = new PendingExchange();
        start(new Attempt(request, receiver, pending, true, 0));
        return pending;
    }

    /**
     * Acquires a connection and runs the exchange on it. A kept-alive connection that the server
     * closed while it sat in the pool fails before any response byte; then, once, the exchange runs
     * again on a new connection, as curl and browsers do (it is not a retry of the URL).
     */
    private void start(Attempt attempt) {
        try {
            startOrThrow(attempt);
        } catch (RuntimeException e) {
            // A request the transport cannot even begin (an address Netty refuses): that exchange
            // fails, as on the blocking transport, instead of an exception thrown at whoever called,
            // or lost in a listener, with the URL never ending.
            attempt.pending.fail(new FetchException(Reason.ERROR, e.toString(), false, e));
        }
    }

    private void startOrThrow(Attempt attempt) {
        Request request = attempt.request;
        PendingExchange pending = attempt.pending;
        Origin origin = Origin.of(request.uri(), request.proxy());
        if (origin.https()) {
            CompletableFuture<?> context = parts.tls().get(parts.lookups());
            if (!context.isDone()) {
                context.whenComplete((c, e) -> start(attempt));
                return;
            }
            if (context.isCompletedExceptionally()) {
                Throwable cause = context.handle((c, e) -> e).join();
                pending.fail(FetchException.tls("cannot set up TLS: " + cause.getMessage(), cause));
                return;
            }
        }
        if (http2Only.contains(origin)) {
            pending.fail(FetchException.http2Only("found on an earlier URL of " + origin));
            return;
        }
        Http2Session session = sessions.get(origin);
        if (session != null) {
            onStream(session, origin, attempt);
            return;
        }
        OriginPools.Entry held = parts.pools().acquiring(origin);
        CompletableFuture<Void> finding = mayBeHttp2(origin) ? held.findingProtocol() : null;
        if (finding != null) { // another connection's handshake tells what this origin speaks: wait for it, not a connection each
            parts.pools().acquired(held);
            finding.whenComplete((v, e) -> {
                if (e instanceof FetchException) {
                    pending.fail((FetchException) e); // the connection that was to find out failed: as this one would have
                } else {
                    start(attempt);
                }
            });
            return;
        }
        Http2Session late = mayBeHttp2(origin) ? sessions.get(origin) : null;
        if (late != null) { // found to speak h2 between the look above and the question: its connection, not another
            held.protocolFound(Protocol.H2); // those who began to wait on this one go there too
            parts.pools().acquired(held);
            onStream(late, origin, attempt);
            return;
        }
        ChannelPool pool = held.pool;
        // pool.acquire() would take its promise from group.next(), and the connect's registration
        // takes the next loop again: with two loops, every new connection would land on the same one.
        Promise<Channel> acquired = ImmediateEventExecutor.INSTANCE.newPromise();
        pool.acquire(acquired).addListener(f -> {
            parts.pools().acquired(held); // a connection, if any, now holds the pool itself
            if (!f.isSuccess()) {
                FetchException failure = Failures.connect(f.cause(), origin, parts.settings().connectTimeout());
                held.protocolUnknown(failure);
                pending.fail(failure);
                return;
            }
            Channel channel = (Channel) f.getNow(); // claimed from the idle ones if it came from the pool
            CompletableFuture<Http2Session> decided = Http2Pipeline.decided(channel);
            if (decided == null) {
                onConnection(channel, pool, origin, attempt);
                return;
            }
            decided.whenComplete((s, e) -> channel.eventLoop().execute(() -> {
                if (s != null) {
                    sessions.adopt(origin, s); // before those waiting hear: they then find it
                }
                if (e != null) {
                    held.protocolUnknown(handshakeFailed(channel, pool, origin, e, attempt.pending));
                    return;
                }
                held.protocolFound(s == null ? Protocol.HTTP_1_1 : Protocol.H2);
                if (s == null) {
                    onConnection(channel, pool, origin, attempt);
                } else {
                    onStream(s, origin, attempt);
                }
            }));
        });
    }

    /**
     * The new connection's handshake failed ({@code cause}): the exchange fails so, in the words the
     * connection found for it, which it returns.
     */
    private FetchException handshakeFailed(Channel channel, ChannelPool pool, Origin origin, Throwable cause, PendingExchange pending) {
        ExchangeHandler handler = channel.attr(ExchangeHandler.KEY).get();
        FetchException lost = handler != null && handler.lost() != null ? handler.lost()
                : Failures.handshake(cause, parts.settings().connectTimeout());
        channel.close();
        pool.release(channel);
        FetchException failure = Failures.seenFrom(origin, lost, true);
        pending.fail(failure);
        return failure;
    }

    /** Whether {@code origin}'s connections may turn out to speak HTTP/2. */
    private boolean mayBeHttp2(Origin origin) {
        return origin.https() ? parts.tls().offersH2() : parts.settings().http2() == Http2Use.PRIOR_KNOWLEDGE && !origin.absoluteForm();
    }

    /**
     * One try at an exchange: what it asks, who hears, whether a failure that left it unprocessed
     * sends it again, and how often an HTTP/2 connection went away before it had a stream.
     */
    private record Attempt(Request request, BodyReceiver receiver, PendingExchange pending, boolean mayReplace, int detours) {
        /** Once more after a failure the server never saw; not again after that. */
        Attempt replay() {
            return new Attempt(request, receiver, pending, false, detours);
        }

        /** Once more after the connection went away before a stream was opened: nothing was sent. */
        Attempt detour() {
            return new Attempt(request, receiver, pending, mayReplace, detours + 1);
        }
    }

    /** Runs the attempt on an HTTP/1.1 connection lent by its pool. */
    private void onConnection(Channel channel, ChannelPool pool, Origin origin, Attempt attempt) {
        if (attempt.pending.aborted()) {
            parts.idle().released(channel);
            pool.release(channel);
            return;
        }
        run(new Http1Lease(channel, pool, origin, parts.rules()), origin, attempt);
    }

    /** Runs the attempt on a stream of {@code session} once one is free; elsewhere if the connection goes away first. */
    private void onStream(Http2Session session, Origin origin, Attempt attempt) {
        session.open(new Http2Session.Waiter() {
            @Override
            public void opened(Http2StreamChannel stream, StreamReader reader) {
                if (attempt.pending.aborted()) {
                    stream.close();
                    return;
                }
                run(new StreamLease(stream, reader, origin), origin, attempt);
            }

            @Override
            public void gone(FetchException failure) {
                if (failure == null && attempt.detours < MAX_DETOURS) { // it went away (GOAWAY, closed) before this was sent
                    start(attempt.detour());
                } else {
                    attempt.pending.fail(failure != null ? failure : FetchException.closedBeforeResponse());
                }
            }
        });
    }

    private void run(Lease lease, Origin origin, Attempt attempt) {
        NettyExchange exchange = new NettyExchange(lease, attempt.request, attempt.receiver, parts.rules());
        if (attempt.mayReplace) {
            exchange.replayedIfStale();
        }
        lease.channel().eventLoop().execute(() -> {
            attempt.pending.attach(exchange);
            exchange.start();
            exchange.completion().whenComplete((v, e) -> {
                if (e instanceof FetchException && ((FetchException) e).reason() == Reason.HTTP2_ONLY) {
                    http2Only.add(origin);
                }
                if (e == null || !attempt.mayReplace || !exchange.replayable(e)) {
                    attempt.pending.finish(e);
                } else if (!attempt.pending.aborted()) {
                    start(attempt.replay()); // the receiver has heard nothing yet
                } else {
                    abortUntold(attempt.receiver, attempt.pending, e);
                }
            });
        });
    }

    /**
     * Ends a replayable exchange that was cancelled before its replay: its receiver, told nothing
     * so far, gets its onAbort (off the event loop, as every receiver call) before the end.
     */
    private void abortUntold(BodyReceiver receiver, PendingExchange pending, Throwable failure) {
        try {
            parts.rules().bodyExecutor().execute(() -> {
                try {
                    receiver.onAbort();
                } finally {
                    pending.finish(failure);
                }
            });
        } catch (RejectedExecutionException closing) {
            pending.finish(failure); // the client is closing: the job that cancelled waits for nothing more
        }
    }
}
