package io.asynccrawler.fetch.netty;

import io.asynccrawler.fetch.FetchException;
import io.asynccrawler.fetch.ResponseHead;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2GoAwayFrame;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2ResetFrame;
import io.netty.util.ReferenceCountUtil;
import java.util.Arrays;
import java.util.Map;

/**
 * The last handler of one HTTP/2 stream: reads its response for the exchange, as
 * {@link ExchangeHandler} reads an HTTP/1.1 one. Informational (1xx) heads are skipped; a body whose
 * DATA disagrees with its content-length is malformed (RFC 9113 §8.1.1) and fails, so no file that
 * looks complete is kept; a RST_STREAM fails this stream only; a stream the server refused
 * (REFUSED_STREAM, or above a GOAWAY's last stream id) was not processed and may go out again.
 */
final class StreamReader extends ChannelInboundHandlerAdapter {
    private NettyExchange exchange;
    private boolean headDone;
    private long expected = -1;
    private long received;
    /** The server did not process the request: it may go out again on another stream. */
    private boolean refused;

    void begin(NettyExchange current) {
        exchange = current;
    }

    boolean refused() {
        return refused;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (exchange == null || !exchange.arrived()) {
                return;
            }
            if (msg instanceof Http2HeadersFrame) {
                onHeaders((Http2HeadersFrame) msg);
            } else if (msg instanceof Http2DataFrame) {
                onData((Http2DataFrame) msg);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onHeaders(Http2HeadersFrame frame) {
        if (headDone) { // trailers: they end the stream (a HEADERS frame in the middle of a body is malformed)
            if (frame.isEndStream()) {
                end();
            } else {
                exchange.fail(FetchException.badResponse("HEADERS in the middle of a body"));
            }
            return;
        }
        Http2Headers headers = frame.headers();
        int status = status(headers.status());
        if (status < 0) {
            exchange.fail(FetchException.badResponse("no valid :status in the response (" + headers.status() + ")"));
            return;
        }
        if (status < 200) {
            return; // 100 Continue, 103 Early Hints: the real head follows (101 cannot come over HTTP/2)
        }
        headDone = true;
        String[] fields = new String[2 * headers.size()];
        int i = 0;
        for (Map.Entry<CharSequence, CharSequence> e : headers) {
            if (e.getKey().length() > 0 && e.getKey().charAt(0) != ':') {
                fields[i++] = e.getKey().toString();
                fields[i++] = e.getValue().toString();
            }
        }
        ResponseHead head = ResponseHead.h2(status, HttpResponseStatus.valueOf(status).reasonPhrase(),
                i == fields.length ? fields : Arrays.copyOf(fields, i), System.nanoTime());
        expected = head.contentLength();
        exchange.head(head);
        if (frame.isEndStream()) {
            end();
        }
    }

    private void onData(Http2DataFrame frame) {
        if (!headDone) {
            exchange.fail(FetchException.badResponse("DATA before the response's HEADERS"));
            return;
        }
        received += frame.content().readableBytes();
        if (expected >= 0 && received > expected) {
            exchange.fail(FetchException.badResponse("more DATA than its content-length " + expected));
            return;
        }
        if (frame.content().isReadable()) {
            exchange.body(frame.content());
        }
        if (frame.isEndStream()) {
            end();
        }
    }

    private void end() {
        if (expected >= 0 && received != expected) {
            exchange.fail(FetchException.truncated(received + " bytes of DATA, content-length " + expected));
            return;
        }
        exchange.end(true);
    }

    /** The status code, or -1 if it is not three digits. */
    private static int status(CharSequence status) {
        if (status == null || status.length() != 3) {
            return -1;
        }
        int code = 0;
        for (int i = 0; i < 3; i++) {
            char c = status.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            code = code * 10 + (c - '0');
        }
        return code >= 100 ? code : -1;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof Http2ResetFrame) {
            long code = ((Http2ResetFrame) evt).errorCode();
            Http2Error error = Http2Error.valueOf(code);
            refused = code == Http2Error.REFUSED_STREAM.code();
            if (exchange != null) {
                exchange.fail(FetchException.streamReset(code, error == null ? "unknown error" : error.name()));
            }
        } else if (evt instanceof Http2GoAwayFrame) {
            refused = true; // above the GOAWAY's last stream id: the server never saw it
            ReferenceCountUtil.release(evt);
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (exchange != null && !exchange.ended()) {
            exchange.fail(exchange.headSeen() ? FetchException.truncated("stream closed before the body ended")
                    : FetchException.closedBeforeResponse());
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (exchange != null) {
            // Netty's checks of what the server sent (DATA against content-length, header sizes): malformed
            exchange.fail(cause instanceof Http2Exception ? FetchException.badResponse(cause.getMessage()) : Failures.during(cause));
        }
    }
}
