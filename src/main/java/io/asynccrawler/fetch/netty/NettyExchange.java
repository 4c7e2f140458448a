package io.asynccrawler.fetch.netty;

import io.asynccrawler.fetch.BodyReceiver;
import io.asynccrawler.fetch.FetchException;
import io.asynccrawler.fetch.InFlight;
import io.asynccrawler.fetch.Reason;
import io.asynccrawler.fetch.Request;
import io.asynccrawler.fetch.ResponseHead;
import io.asynccrawler.fetch.WireLog;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request and its response, on whatever its {@link Lease} lends it: a pooled HTTP/1.1
 * connection or a stream of a shared HTTP/2 one. The lease's reader hands it the response as a
 * head ({@link #head}), body pieces ({@link #body}) and an end ({@link #end}); this class keeps
 * what is the same on both: the timers, the receiver's calls through a {@link BodyPump} (off the
 * event loop, reading held while the disk is slow), and the completion. Runs on the lease's
 * event loop.
 *
 * <p>{@link #release} is the only place the lease goes back, and it runs once: as soon as the
 * response has been read, so that the next request can use the connection while the disk still
 * takes this body. The exchange completes once the receiver has taken the whole body
 * ({@link #complete}, on the body executor), or at its first failure.
 */
final class NettyExchange implements InFlight {
    private final Lease lease;
    private final Channel channel;
    private final Request request;
    private final BodyReceiver receiver;
    private final ExchangeTimers timers;
    private final BodyPump pump;
    private final CompletableFuture<Void> completion = new CompletableFuture<>();
    private boolean headSeen;
    private boolean ended;
    /** The lease went back: this exchange no longer touches its connection. On the event loop. */
    private boolean released;
    /** Set by whichever thread completes the exchange, once. */
    private final AtomicBoolean done = new AtomicBoolean();
    /** A failure that left the request unprocessed is sent again with the same receiver: see {@link #replayedIfStale()}. */
    private boolean replayedIfStale;

    NettyExchange(Lease lease, Request request, BodyReceiver receiver, ExchangeRules rules) {
        this.lease = lease;
        this.channel = lease.channel();
        this.request = request;
        this.receiver = receiver;
        this.timers = new ExchangeTimers(channel.eventLoop(), rules.read(), rules.deadline());
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
     * leaving the request unprocessed ({@link #replayable}): such a failure does not run the
     * receiver's onAbort, as the receiver has heard nothing of this attempt and will hear of the
     * next (BodyReceiver: nothing comes after onAbort). Before {@link #start}.
     */
    NettyExchange replayedIfStale() {
        replayedIfStale = true;
        return this;
    }

    /** Sends the request and arms the timers. On the event loop. */
    void start() {
        FetchException lost = lease.begin(this);
        if (lost != null) {
            fail(lost);
            return;
        }
        timers.start(() -> pump.paused() || ended, this::fail); // silence while the disk holds reading back is not the server's
        ChannelFuture sent;
        try {
            sent = lease.send(request);
        } catch (IllegalArgumentException e) {
            fail(new FetchException(Reason.BAD_INPUT, e.getMessage(), false));
            return;
        }
        sent.addListener(f -> {
            if (!f.isSuccess()) {
                fail(Failures.during(f.cause()));
            }
        });
    }

    /** Something arrived for this exchange: the read timer starts over. False once the lease went back: drop it. */
    boolean arrived() {
        timers.read();
        return !released;
    }

    /** The final response's head (not a 1xx). */
    void head(ResponseHead head) {
        headSeen = true;
        if (WireLog.enabled()) {
            WireLog.received(request.uri(), head);
        }
        if (head.status() / 100 == 2) {
            pump.needsFile(); // a 2xx body is saved (ExchangeBody)
        }
        pump.submit(() -> receiver.onHead(head));
    }

    /** A piece of the body; this method takes its own reference, the caller keeps (and releases) its own. */
    void body(ByteBuf bytes) {
        pump.submitBody(bytes.retain(), buf -> {
            for (ByteBuffer nio : buf.nioBuffers()) {
                if (!receiver.onBody(nio)) {
                    channel.eventLoop().execute(() -> finish(null, false));
                    return;
                }
            }
        });
    }

    /** The response ended; {@code reusable}: the connection may carry another request. */
    void end(boolean reusable) {
        ended = true;
        release(reusable);
        // Completes on the body executor, whose thread may block: the job reports the result there
        // (Job). A failure of onEnd comes through the pump's onFailure instead.
        pump.submit(() -> {
            receiver.onEnd();
            complete(null);
        });
    }

    boolean headSeen() {
        return headSeen;
    }

    /** Whether the whole response was read (a close after it is no failure). */
    boolean ended() {
        return ended;
    }

    /** Whether {@code failure} left the request unprocessed, so that it may go out again on another connection. */
    boolean replayable(Throwable failure) {
        return failure instanceof FetchException && lease.replayable((FetchException) failure, headSeen);
    }

    /**
     * Ends the exchange with {@code failure}; a close before the TLS handshake finished is the
     * handshake's failure, whoever saw it first (the close, or the request's write it failed).
     */
    void fail(FetchException failure) {
        finish(Failures.seenFrom(lease.origin(), failure, lease.inHandshake()), false);
    }

    /** Ends the exchange: gives the lease back (or closes it) if it still holds it, then completes. On the event loop. */
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
     * Gives the lease back once; stops the timers. On the event loop. Another exchange may take
     * the connection at once: nothing here touches it after.
     */
    private void release(boolean reusable) {
        if (released) {
            return;
        }
        released = true;
        pump.detach();
        timers.stop();
        lease.release(reusable);
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
        } else if (replayedIfStale && replayable(failure)) {
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
