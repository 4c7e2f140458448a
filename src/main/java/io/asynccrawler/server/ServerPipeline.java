package io.asynccrawler.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.stream.ChunkedWriteHandler;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a served connection speaks: HTTP/1.1, or HTTP/2 (every stream its own router) when a plain
 * connection opens with HTTP/2's preface (h2c by prior knowledge) or TLS agreed h2 by ALPN.
 */
final class ServerPipeline {
    /** Streams a client may have open at once on one connection, as nginx's default (128) about. */
    static final int MAX_STREAMS = 100;
    private static final ByteBuf PREFACE = Http2CodecUtil.connectionPrefaceBuf();

    private ServerPipeline() {
    }

    /** A plain connection: the first bytes tell (PriorKnowledge). */
    static void plain(ChannelPipeline p, Supplier<Router> routers) {
        p.addLast(new PriorKnowledge(routers));
    }

    /** Behind TLS: what ALPN agreed (http/1.1 when the client offered nothing). */
    static void afterTls(ChannelPipeline p, Supplier<Router> routers) {
        p.addLast(new ApplicationProtocolNegotiationHandler(ApplicationProtocolNames.HTTP_1_1) {
            @Override
            protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
                if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
                    http2(ctx.pipeline(), routers);
                } else {
                    http1(ctx.pipeline(), routers);
                }
            }
        });
    }

    static void http1(ChannelPipeline p, Supplier<Router> routers) {
        p.addLast(new HttpServerCodec(), new HttpObjectAggregator(64 * 1024), new ChunkedWriteHandler(), routers.get());
    }

    static void http2(ChannelPipeline p, Supplier<Router> routers) {
        p.addLast(Http2FrameCodecBuilder.forServer().initialSettings(Http2Settings.defaultSettings().maxConcurrentStreams(MAX_STREAMS)).build(),
                new Http2MultiplexHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel stream) {
                        stream.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(true), new HttpObjectAggregator(64 * 1024),
                                new ChunkedWriteHandler(), routers.get());
                    }
                }));
    }

    /** Reads just enough of a plain connection to tell HTTP/2's preface from an HTTP/1.1 request, then steps aside. */
    private static final class PriorKnowledge extends ByteToMessageDecoder {
        private final Supplier<Router> routers;

        PriorKnowledge(Supplier<Router> routers) {
            this.routers = routers;
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            int n = Math.min(in.readableBytes(), PREFACE.readableBytes());
            boolean prefaceSoFar = ByteBufUtil.equals(in, in.readerIndex(), PREFACE, 0, n);
            if (prefaceSoFar && n < PREFACE.readableBytes()) {
                return; // not enough to tell yet
            }
            if (prefaceSoFar) {
                http2(ctx.pipeline(), routers);
            } else {
                http1(ctx.pipeline(), routers);
            }
            ctx.pipeline().remove(this); // what it holds goes on to the handlers just added
        }
    }
}
