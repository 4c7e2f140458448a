package io.asynccrawler.fetch.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.util.AttributeKey;
import java.util.concurrent.CompletableFuture;

/**
 * Turns a client connection into an HTTP/2 one: Netty's frame codec, its multiplexer (a child
 * channel per stream) and our {@link Http2Session} last. What each connection ends up speaking is
 * its {@link #decided} future: the session, or null for HTTP/1.1.
 */
final class Http2Pipeline {
    /**
     * Each stream's receive window. A stream whose body waits for the disk stops reading, so its
     * window stops opening: the server then holds back, and at most this much waits in memory,
     * as the pump's own high-water mark. RFC 9113's 64 KiB default would hold a fast transfer to
     * a window per round trip.
     */
    static final int STREAM_WINDOW = (int) BodyPump.HIGH_WATER;
    private static final AttributeKey<CompletableFuture<Http2Session>> DECIDED = AttributeKey.valueOf(Http2Pipeline.class, "decided");

    private Http2Pipeline() {
    }

    /**
     * What {@code channel} speaks once known: its session, null for HTTP/1.1, failed with the
     * handshake; null itself when the channel never offered h2.
     */
    static CompletableFuture<Http2Session> decided(Channel channel) {
        return channel.attr(DECIDED).get();
    }

    /** Marks {@code channel} as one whose protocol is not known until its handshake. */
    static CompletableFuture<Http2Session> undecided(Channel channel) {
        CompletableFuture<Http2Session> decided = new CompletableFuture<>();
        channel.attr(DECIDED).set(decided);
        return decided;
    }

    /** Adds HTTP/2's handlers last in {@code channel}'s pipeline, in place of HTTP/1.1's if it has them. */
    static Http2Session install(Channel channel, long settingsTimeoutMillis) {
        ChannelPipeline p = channel.pipeline();
        removeIfThere(p, Http2Answer.class);
        removeIfThere(p, HttpResponseDecoder.class);
        removeIfThere(p, ExchangeHandler.class);
        Http2FrameCodec codec = Http2FrameCodecBuilder.forClient()
                .initialSettings(Http2Settings.defaultSettings()
                        .pushEnabled(false)
                        .initialWindowSize(STREAM_WINDOW)
                        .maxHeaderListSize(ClientPipeline.MAX_HEADER_BYTES)) // as HTTP/1.1's head: larger is refused, not buffered
                .build();
        Http2Session session = new Http2Session(channel, settingsTimeoutMillis);
        p.addLast(session.readClock(), codec, new Http2MultiplexHandler(NoPush.INSTANCE), session);
        return session;
    }

    private static void removeIfThere(ChannelPipeline p, Class<? extends ChannelHandler> type) {
        if (p.get(type) != null) {
            p.remove(type);
        }
    }

    /** Streams the server opens: none come, as push is off (SETTINGS_ENABLE_PUSH 0); one that did is closed. */
    @ChannelHandler.Sharable
    private static final class NoPush extends ChannelInboundHandlerAdapter {
        static final NoPush INSTANCE = new NoPush();

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ctx.close();
        }
    }
}
