package io.asynccrawler.fetch.netty;

import io.asynccrawler.fetch.FetchException;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.DefaultHttp2PingFrame;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2GoAwayFrame;
import io.netty.handler.codec.http2.Http2SettingsFrame;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * One origin's shared HTTP/2 connection, and the last handler of its pipeline: opens a stream per
 * exchange, never more at once than the server's SETTINGS_MAX_CONCURRENT_STREAMS (opening more
 * makes Netty fail them, "Maximum active streams violated"); the others wait in line for a stream
 * to close. No stream opens before the server's first SETTINGS frame says how many may. After a
 * GOAWAY, or once the connection closes, it opens none: those in line go to a new connection.
 * With no stream open it counts among the idle connections ({@link IdleConnections}), whose cap
 * closes the one idle longest: a crawl over many https hosts keeps no more h2 connections open
 * than HTTP/1.1 ones. When one of its streams ends (most often by its read timeout) after the
 * connection has been silent for the read timeout, it is asked with a PING; no bytes within the
 * read timeout again, and it is closed as dead: the origin's next URLs, and their retries, go to a
 * new one rather than time out on it each. A slow stream on a live connection costs a PING. On
 * the connection's event loop, but {@link #open} from any thread.
 */
final class Http2Session extends ChannelInboundHandlerAdapter {
    /**
     * The connection's receive window: 16 streams' windows ({@link Http2Pipeline#STREAM_WINDOW}),
     * so that a few streams paused by a slow disk do not stall the others (RFC 9113's 64 KiB would).
     */
    static final int CONNECTION_WINDOW = 16 * Http2Pipeline.STREAM_WINDOW;

    /** Told when its stream is open, or when this connection can open none. */
    interface Waiter {
        void opened(Http2StreamChannel stream, StreamReader reader);

        /** No stream will come from here: {@code failure} ends the exchange, or, when null, it starts again elsewhere. */
        void gone(FetchException failure);
    }

    private final Channel parent;
    private final long settingsTimeoutMillis;
    private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
    /** Streams the server lets us open at once; -1 until its first SETTINGS frame. */
    private long cap = -1;
    private int open;
    /** Set on the event loop; read by {@link #usable} from any thread. */
    private volatile boolean goingAway;
    /** Not its origin's connection (another was first): closes once its streams end. */
    private volatile boolean retired;
    private Runnable onGone = () -> { };
    /** The idle connections it joins while no stream is open; null: not counted (until adopted). */
    private IdleConnections idle;
    /** Among {@link #idle} now. */
    private boolean parked;
    /** The read timeout: silent that long, the connection is taken for dead; 0 until adopted. */
    private long silentNanos;
    /** {@link System#nanoTime()} when bytes last came; written by {@link #readClock()}'s handler. */
    private long lastReadNanos = System.nanoTime();
    /** A PING asks whether the silent connection is alive. */
    private boolean pinging;

    /**
     * @param parent                the connection
     * @param settingsTimeoutMillis how long the server may take to send its SETTINGS (the connect timeout)
     */
    Http2Session(Channel parent, long settingsTimeoutMillis) {
        this.parent = parent;
        this.settingsTimeoutMillis = settingsTimeoutMillis;
    }

    /** What runs once this connection takes no more streams: its registry forgets it. Before the first {@link #open}. */
    void onGone(Runnable r) {
        onGone = r;
    }

    /**
     * Counts among {@code idle} while it has no stream open, and is closed when a stream ends after
     * {@code readTimeout} of the connection's silence. Before the first {@link #open}.
     */
    void watch(IdleConnections idle, Duration readTimeout) {
        this.idle = idle;
        this.silentNanos = readTimeout.toNanos();
    }

    /** A handler for the connection's pipeline, before the HTTP/2 codec: it notes when bytes came. */
    ChannelInboundHandlerAdapter readClock() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelReadComplete(ChannelHandlerContext ctx) {
                lastReadNanos = System.nanoTime();
                ctx.fireChannelReadComplete();
            }
        };
    }

    /** Closes once no stream is open: another connection serves the origin. */
    void retireWhenIdle() {
        retired = true;
    }

    /** Whether it may still take streams (it may have to wait for one). */
    boolean usable() {
        return !goingAway && parent.isActive();
    }

    /** Opens a stream for {@code waiter} when one is free. Any thread. */
    void open(Waiter waiter) {
        parent.eventLoop().execute(() -> {
            if (goingAway) {
                waiter.gone(null);
            } else {
                waiting.add(waiter);
                drain();
            }
        });
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        parent.eventLoop().schedule(() -> {
            if (cap < 0 && !goingAway) {
                goAway(FetchException.badResponse("no HTTP/2 SETTINGS from the server in " + settingsTimeoutMillis + " ms"));
                parent.close();
            }
        }, settingsTimeoutMillis, TimeUnit.MILLISECONDS);
    }

    private void drain() {
        if (parked && !waiting.isEmpty()) {
            parked = false;
            if (!idle.claim(parent)) { // the idle cap closed it, or is closing it: those in line go elsewhere
                goAway(null);
                return;
            }
        }
        while (!waiting.isEmpty() && cap >= 0 && open < cap && !goingAway) {
            start(waiting.poll());
        }
    }

    private void start(Waiter waiter) {
        open++;
        StreamReader reader = new StreamReader();
        new Http2StreamChannelBootstrap(parent).handler(reader).open().addListener(f -> {
            if (!f.isSuccess()) {
                open--;
                waiter.gone(Failures.during(f.cause()));
                drain();
                return;
            }
            Http2StreamChannel stream = (Http2StreamChannel) f.getNow();
            stream.closeFuture().addListener(c -> closed());
            waiter.opened(stream, reader);
        });
    }

    /**
     * A stream closed: the next in line takes its place. A connection another one replaced closes
     * once its streams end; the origin's own joins the idle ones, and stays open until the idle
     * cap, a dead PING or the job's end closes it (closing it once no URL is left raced with
     * streams still on their way to it: a URL refused or waiting for the protocol comes back after
     * the others ended, and found it closing). A connection silent since the read timeout is asked
     * with a PING first.
     */
    private void closed() {
        open--;
        long now = System.nanoTime();
        if (silentNanos > 0 && now - lastReadNanos >= silentNanos && !pinging && !goingAway) {
            pinging = true;
            parent.writeAndFlush(new DefaultHttp2PingFrame(now));
            parent.eventLoop().schedule(() -> {
                pinging = false;
                if (lastReadNanos - now < 0 && !goingAway) { // nothing came, not even the PING's answer: dead
                    goAway(null); // those in line go to a new connection; those open fail with the close
                    parent.close();
                }
            }, silentNanos, TimeUnit.NANOSECONDS);
        }
        drain();
        if (open == 0 && waiting.isEmpty() && retired) {
            goAway(null); // first: a stream asked for from now on goes elsewhere, not onto a closing connection
            parent.close();
        } else if (open == 0 && waiting.isEmpty() && idle != null && !goingAway && !parked) {
            parked = true;
            idle.released(parent); // may close the connection idle longest: this one, if the cap is 0
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        try {
            if (msg instanceof Http2SettingsFrame) {
                onSettings(ctx, (Http2SettingsFrame) msg);
            } else if (msg instanceof Http2GoAwayFrame) {
                goAway(null); // streams above its last id hear of it themselves (StreamReader) and start again
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onSettings(ChannelHandlerContext ctx, Http2SettingsFrame frame) throws Exception {
        if (cap < 0) {
            Http2FrameCodec codec = ctx.pipeline().get(Http2FrameCodec.class);
            // The preface went out before this frame came: a WINDOW_UPDATE may follow it now.
            codec.connection().local().flowController().incrementWindowSize(codec.connection().connectionStream(),
                    CONNECTION_WINDOW - codec.connection().local().flowController().initialWindowSize());
            ctx.flush();
        }
        Long max = frame.settings().maxConcurrentStreams();
        if (max != null) {
            cap = max;
        } else if (cap < 0) {
            cap = Integer.MAX_VALUE; // never said: no limit (RFC 9113 §6.5.2); a later SETTINGS that omits it changes nothing
        }
        drain();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (idle != null) {
            idle.gone(parent);
        }
        goAway(cap < 0 ? FetchException.closedBeforeResponse() : null);
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A connection error: the codec sends GOAWAY and closes; the streams hear of it themselves.
        ctx.close();
    }

    /** Takes no more streams; those in line start again elsewhere, or fail with {@code failure} if it is not null. */
    private void goAway(FetchException failure) {
        if (!goingAway) {
            goingAway = true;
            onGone.run();
        }
        while (!waiting.isEmpty()) {
            waiting.poll().gone(failure);
        }
    }
}
