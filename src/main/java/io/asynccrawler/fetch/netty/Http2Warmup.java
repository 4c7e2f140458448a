package io.asynccrawler.fetch.netty;

import io.asynccrawler.fetch.FetchException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.util.ReferenceCountUtil;

/**
 * One HTTP/2 exchange between two embedded channels (our client pipeline, Netty's server codec),
 * off the event loop: HTTP/2's codec, HPACK and multiplexer classes are loaded and initialised
 * before a job's first h2 connection, which otherwise stalled its event loop for about 80 ms.
 */
final class Http2Warmup {
    private Http2Warmup() {
    }

    static void exchangeOnce() {
        EmbeddedChannel client = new EmbeddedChannel();
        EmbeddedChannel server = new EmbeddedChannel(Http2FrameCodecBuilder.forServer().build());
        try {
            Http2Session session = Http2Pipeline.install(client, 1_000);
            pass(client, server);
            pass(server, client); // the server's SETTINGS: the session may open streams
            session.open(new Http2Session.Waiter() {
                @Override
                public void opened(Http2StreamChannel stream, StreamReader reader) {
                    stream.writeAndFlush(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().method("GET").scheme("https")
                            .authority("localhost").path("/"), true));
                }

                @Override
                public void gone(FetchException failure) {
                    // an embedded channel does not go away
                }
            });
            client.runPendingTasks();
            pass(client, server);
            for (Object frame; (frame = server.readInbound()) != null; ) {
                if (frame instanceof Http2HeadersFrame) {
                    Http2HeadersFrame request = (Http2HeadersFrame) frame;
                    server.write(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().status("200").add("content-length", "2"))
                            .stream(request.stream()));
                    server.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(new byte[] {'o', 'k'}), true)
                            .stream(request.stream()));
                }
                ReferenceCountUtil.release(frame);
            }
            pass(server, client);
            client.runPendingTasks();
        } finally {
            client.finishAndReleaseAll();
            server.finishAndReleaseAll();
        }
    }

    /** What {@code from} wrote goes into {@code to}. */
    private static void pass(EmbeddedChannel from, EmbeddedChannel to) {
        for (Object bytes; (bytes = from.readOutbound()) != null; ) {
            to.writeInbound((ByteBuf) bytes);
        }
    }
}
