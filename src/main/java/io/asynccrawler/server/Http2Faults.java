package io.asynccrawler.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2StreamChannel;

/**
 * Faults only HTTP/2 has, for the hostile suite: {@code /h2/goaway} sends GOAWAY naming this
 * stream the last the server will process (the client's later streams on the connection are
 * refused, unseen, and must go again on a new connection), then answers; {@code /h2/refuse/{n}?key=K}
 * resets the first n streams of key K with REFUSED_STREAM before any answer. Over HTTP/1.1 they
 * answer 400.
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
        } else {
            Endpoints.notFound(call);
        }
    }
}
