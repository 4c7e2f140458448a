package io.asynccrawler.fetch.netty;

import io.asynccrawler.fetch.BodyReceiver;
import io.asynccrawler.fetch.FetchException;
import io.asynccrawler.fetch.InFlight;
import io.asynccrawler.fetch.Reason;
import io.asynccrawler.fetch.Redirects;
import io.asynccrawler.fetch.Request;
import io.asynccrawler.fetch.ResponseHead;
import io.asynccrawler.fetch.WireLog;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.pool.ChannelPool;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * One request and its response on one pooled connection. Runs on the connection's event loop;
 * receiver calls go through a {@link BodyPump}. {@link #release} is the only place the connection
 * goes back to its pool (or is closed), and it runs once: as soon as the response has been read,
 * so that the next request can use the connection while the disk still takes this body. The
 * exchange completes once the receiver has taken the whole body ({@link #complete}, on the body
 * executor), or at its first failure.
 */
final class NettyExchange implements InFlight {
    private final Channel channel;
    private final ChannelPool pool;
    private final Origin origin;
    private final Request request;
    private final BodyReceiver receiver;
    private final ExchangeTimers timers;
    private final BooleanSupplier keepIdle;
    private final IdleConnections idle;
    private final BodyPump pump;
    private ExchangeHandler handler;
    private final CompletableFuture<Void> completion = new CompletableFuture<>();
    private boolean headSeen;
    /** A 1xx response was read and its end has not been yet. */
    private boolean interim;
    private boolean keepAlive;
    private boolean closeDelimited;
    private boolean tlsClosedCleanly;
    private boolean ended;
    /** The connection went back to its pool or was closed: this exchange no longer touches it. On the event loop. */
    private boolean released;
    /** Set by whichever thread completes the exchange, once. */
    private final AtomicBoolean done = new AtomicBoolean();
    /** A failure on a stale connection is sent again with the same receiver: see {@link #replayedIfStale()}. */
    private boolean replayedIfStale;

    NettyExchange(Lease lease, Request request, BodyReceiver receiver, ExchangeRules rules) {
        this.channel = lease.channel();
        this.pool = lease.pool();
        this.origin = lease.origin();
        this.request = request;
        this.receiver = receiver;
        this.timers = new ExchangeTimers(channel.eventLoop(), rules.read(), rules.deadline());
        this.keepIdle = rules.keepIdle();
        this.idle = rules.idle();
        this.pump = new BodyPump(rules.bodyExecutor(), rules.files(), channel, e -> channel.eventLoop().execute(() -> fail(Failures.during(e))));
    }

    @Override
    public CompletableFuture<Void> completion() {
        return completion;
    }

    @Override
    public void abort() {
        channel.eventLoop().execute(() -> fail(FetchException.cancelled()));
    }

    /**
     * Marks this exchange as one whose request goes out again, with the same receiver, if it fails
     * on a stale connection ({@link #failedOnStaleConnection}): such a failure does not run the
     * receiver's onAbort, as the receiver has heard nothing of this attempt and will hear of the
     * next (BodyReceiver: nothing comes after onAbort). Before {@link #start}.
     */
    NettyExchange replayedIfStale() {
        replayedIfStale = true;
        return this;
    }

    /** Sends the request and arms the timers. On the event loop. */
    void start() {
        handler = channel.attr(ExchangeHandler.KEY).get(); // there even once a closed channel's pipeline is emptied
        handler.begin(this);
        if (!channel.isActive()) { // closed since the pool handed it over: a failed handshake, a server that hung up
            fail(handler.lost() != null ? handler.lost() : FetchException.closedBeforeResponse());
            return;
        }
        timers.start(() -> pump.paused() || ended, this::fail); // silence while the disk holds reading back is not the server's
        ByteBuf head;
        try {
            head = RequestHead.encode(channel.alloc(), origin, request);
        } catch (IllegalArgumentException e) {
            fail(new FetchException(Reason.BAD_INPUT, e.getMessage(), false));
            return;
        }
        if (WireLog.enabled()) {
            WireLog.sent(request.uri(), head.toString(StandardCharsets.ISO_8859_1));
        }
        channel.writeAndFlush(head).addListener(f -> {
            if (!f.isSuccess()) {
                fail(Failures.during(f.cause()));
            }
        });
    }

    void onMessage(Object msg) {
        try {
            timers.read();
            if (released) {
                return;
            }
            if (msg instanceof HttpResponse && !onHead((HttpResponse) msg)) {
                return;
            }
            if (interim) {
                // the (empty) end of a 1xx response: the real response follows
                interim = !(msg instanceof LastHttpContent);
                return;
            }
            if (msg instanceof HttpContent) {
                onContent((HttpContent) msg);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private boolean onHead(HttpResponse response) {
        if (response.decoderResult().isFailure()) {
            fail(FetchException.badResponse(String.valueOf(response.decoderResult().cause().getMessage())));
            return false;
        }
        int status = response.status().code();
        if (status >= 100 && status < 200) {
            interim = !(response instanceof LastHttpContent); // 100 Continue, 103 Early Hints: the real one follows
            return false;
        }
        headSeen = true;
        keepAlive = HttpUtil.isKeepAlive(response);
        closeDelimited = !HttpUtil.isContentLengthSet(response) && !HttpUtil.isTransferEncodingChunked(response);
        ResponseHead head = ResponseHead.ofEntries(status, response.status().reasonPhrase(), response.headers(),
                response.headers().size(), System.nanoTime());
        if (WireLog.enabled()) {
            WireLog.received(request.uri(), head);
        }
        if (status / 100 == 2) {
            pump.needsFile(); // a 2xx body is saved (ExchangeBody)
        }
        pump.submit(() -> receiver.onHead(head));
        if (closeDelimited && Redirects.isUnframed(head)) {
            // A redirect only a close would end (its Location is all it says): ends now, closed.
            ended = true;
            release(false);
            pump.submit(() -> {
                receiver.onEnd();
                complete(null);
            });
            return false;
        }
        return true;
    }

    private void onContent(HttpContent content) {
        if (content.decoderResult().isFailure()) {
            fail(FetchException.badResponse(String.valueOf(content.decoderResult().cause().getMessage())));
            return;
        }
        ByteBuf bytes = content.content();
        if (bytes.isReadable()) {
            pump.submitBody(bytes.retain(), buf -> {
                for (ByteBuffer nio : buf.nioBuffers()) {
                    if (!receiver.onBody(nio)) {
                        channel.eventLoop().execute(() -> finish(null, false));
                        return;
                    }
                }
            });
        }
        if (content instanceof LastHttpContent) {
            if (closeDelimited && origin.https() && !tlsClosedCleanly) {
                fail(FetchException.truncated("TLS connection closed without close_notify"));
                return;
            }
            ended = true;
            release(keepAlive && !closeDelimited);
            // Completes on the body executor, whose thread may block: the job reports the result there
            // (Job). A failure of onEnd comes through the pump's onFailure instead.
            pump.submit(() -> {
                receiver.onEnd();
                complete(null);
            });
        }
    }

    /**
     * True when this exchange failed on a kept-alive connection before any response byte, as when
     * the server closed the idle connection as the request went out: a new connection may succeed.
     */
    boolean failedOnStaleConnection(Throwable failure) {
        return !headSeen && handler != null && handler.reused() && Failures.ofStaleConnection(failure);
    }

    void onTlsClosedCleanly() {
        tlsClosedCleanly = true;
    }

    void onInactive() {
        if (ended) {
            return; // the response was complete; the server just closed after it
        }
        fail(Failures.closed(headSeen, handler));
    }

    /**
     * Ends the exchange with {@code failure}; a close before the TLS handshake finished is the
     * handshake's failure, whoever saw it first (the close, or the request's write it failed).
     */
    void fail(FetchException failure) {
        boolean inHandshake = origin.https() && handler != null && !handler.handshaken();
        finish(Failures.seenFrom(origin, failure, inHandshake), false);
    }

    /** Ends the exchange: gives the connection back (or closes it) if it still holds it, then completes. On the event loop. */
    private void finish(FetchException failure, boolean reusable) {
        // Claimed first: closing the channel fails its pending write, whose listener would end the
        // exchange first with a word of its own (a handshake timeout became "tls").
        boolean first = done.compareAndSet(false, true);
        try {
            release(reusable && failure == null);
        } finally {
            if (first) { // whatever happened above, the exchange completes: a job never waits on a lost one
                signal(failure);
            }
        }
    }

    /**
     * Gives the connection back to its pool, or closes it, once; stops the timers. On the event
     * loop. Another exchange may take the connection at once: nothing here touches it after.
     */
    private void release(boolean reusable) {
        if (released) {
            return;
        }
        released = true;
        pump.detach();
        timers.stop();
        if (handler != null) { // null only before start()
            // From here on what arrives goes nowhere: bytes after the response (a server that does
            // not frame its responses right) close the connection (ExchangeHandler).
            handler.end();
        }
        if (!reusable || !keepIdle.getAsBoolean()) {
            channel.close();
        } else {
            ReadGate.of(channel).openAll();
            idle.released(channel);
        }
        pool.release(channel);
    }

    /** Completes the exchange once, with {@code failure} or without; the receiver's onAbort runs first on a failure. Any thread. */
    private void complete(FetchException failure) {
        if (done.compareAndSet(false, true)) {
            signal(failure);
        }
    }

    /** Completes, once the receiver has closed its file (saved, kept or deleted); the file slot then goes back. */
    private void signal(FetchException failure) {
        if (failure == null) {
            pump.releaseFile();
            completion.complete(null);
        } else if (replayedIfStale && failedOnStaleConnection(failure)) {
            completion.completeExceptionally(failure); // no head came, so no file slot and no receiver call
        } else {
            pump.stopWaiting(failure);
            pump.finallyRun(receiver::onAbort).whenComplete((v, e) -> {
                pump.releaseFile();
                completion.completeExceptionally(failure);
            });
        }
    }
}
