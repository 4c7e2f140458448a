package io.asynccrawler.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.util.ReferenceCountUtil;

/**
 * Faults only HTTP/2 has, for the hostile suite: {@code /h2/goaway} sends GOAWAY naming this
 * stream the last the server will process (the client's later streams on the connection are
 * refused, unseen, and must go again on a new connection), then answers; {@code /h2/refuse/{n}?key=K}
 * resets the first n streams of key K with REFUSED_STREAM before any answer; {@code /h2/header/{n}}
 * answers with an {@code X-Big} header of n bytes even past the client's
 * SETTINGS_MAX_HEADER_LIST_SIZE (the connection's encoder bound lifted), for the client's own cap;
 * {@code /h2/silence?key=K} makes the whole connection silent the first time for key K: no answer,
 * and whatever comes on it dropped unread (a PING too); asked again, it answers.
 * Over HTTP/1.1 they answer 400.
 */
final class Http2Faults {
    private Http2Faults() {
    }

    static void serve(Call call, String rest, Flaky flaky) {
        if (!(call.ctx.channel() instanceof Http2StreamChannel)) {
            call.json(HttpResponseStatus.BAD_REQUEST, "{\"error\": \"an HTTP/2 endpoint: ask over h2 or h2c\"}");
            return;
        }
        Http2StreamChannel stream = (Http2StreamChannel) call.ctx.channel();
        if (rest.equals("goaway")) {
            Channel connection = stream.parent();
            Http2FrameCodec codec = connection.pipeline().get(Http2FrameCodec.class);
            codec.goAway(connection.pipeline().context(codec), stream.stream().id(), Http2Error.NO_ERROR.code(), Unpooled.EMPTY_BUFFER,
                    connection.newPromise());
            connection.flush();
            call.json(HttpResponseStatus.OK, "{\"goaway\": " + stream.stream().id() + "}");
        } else if (rest.startsWith("refuse/")) {
            long refusals = Call.parseBounded("refuse", rest.substring("refuse/".length()), 0, 1000);
            int n = flaky.attempt(call);
            if (n <= refusals) {
                stream.writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.REFUSED_STREAM));
                call.finishWith(stream.newSucceededFuture());
            } else {
                call.json(HttpResponseStatus.OK, "{\"attempt\": " + n + "}");
            }
        } else if (rest.equals("silence")) {
            int n = flaky.attempt(call);
            if (n > 1) { // asked again (a retry): answered, so that one test silences one connection
                call.json(HttpResponseStatus.OK, "{\"attempt\": " + n + "}");
                return;
            }
            // a server that hangs whole: whatever comes on the connection from now on is dropped unread, PINGs too
            stream.parent().pipeline().addFirst(new ChannelInboundHandlerAdapter() {
                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    ReferenceCountUtil.release(msg);
                }
            });
        } else if (rest.startsWith("header/")) {
            int n = (int) Call.parseBounded("header", rest.substring("header/".length()), 0, 1 << 20);
            try {
                Http2FrameCodec codec = stream.parent().pipeline().get(Http2FrameCodec.class);
                codec.encoder().configuration().headersConfiguration().maxHeaderListSize(Http2CodecUtil.MAX_HEADER_LIST_SIZE);
            } catch (Http2Exception e) {
                throw new IllegalStateException(e);
            }
            FullHttpResponse response = call.full(HttpResponseStatus.OK, "text/plain", "x");
            response.headers().set("X-Big", "a".repeat(n));
            call.send(response);
        } else {
            Endpoints.notFound(call);
        }
    }
}
