package io.asynccrawler.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.stream.ChunkedInput;

/** The endpoints with bodies worth streaming: deterministic bytes, a slow drip, and broken responses. */
final class Bodies {
    static final long MAX_BYTES = 1L << 40;
    private static final long MAX_TRUNCATE = 16L << 20;
    private static final String OCTETS = "application/octet-stream";
    /** Every /bytes body is the same forever: one fixed date. */
    static final String LAST_MODIFIED = "Thu, 01 Jan 2026 00:00:00 GMT";

    private Bodies() {
    }

    static void bytes(Call call, String rest) {
        long n = Call.parseBounded("bytes", rest, 0, MAX_BYTES);
        long seed = call.longParam("seed", 0, Long.MIN_VALUE, Long.MAX_VALUE);
        boolean gzip = call.flag("gzip");
        boolean chunked = call.flag("chunked");
        if (call.flag("close")) {
            closeDelimited(call, n, seed);
            return;
        }
        boolean ranges = !gzip && !chunked;
        String etag = "\"b" + seed + "-" + n + "\"";
        long[] range = ranges ? ByteRange.parse(call.range, n) : null;
        if (call.ifRange != null && !call.ifRange.equals(etag) && !call.ifRange.equals(LAST_MODIFIED)) {
            range = null; // RFC 9110 §13.1.5: a changed representation is sent whole
        }
        long stallAt = call.longParam("stall_at", -1, 0, MAX_BYTES);
        if (range == ByteRange.UNSATISFIABLE) {
            HttpResponse response = call.head(HttpResponseStatus.REQUESTED_RANGE_NOT_SATISFIABLE, OCTETS);
            response.headers().set(HttpHeaderNames.CONTENT_RANGE, "bytes */" + n);
            HttpUtil.setContentLength(response, 0);
            call.sendWithoutBody(response);
            return;
        }
        HttpResponse response = call.head(range == null ? HttpResponseStatus.OK : HttpResponseStatus.PARTIAL_CONTENT, OCTETS);
        response.headers().set(HttpHeaderNames.ACCEPT_RANGES, ranges ? HttpHeaderValues.BYTES : HttpHeaderValues.NONE);
        if (ranges) {
            response.headers().set(HttpHeaderNames.ETAG, etag);
            response.headers().set(HttpHeaderNames.LAST_MODIFIED, LAST_MODIFIED);
        }
        long offset = range == null ? 0 : range[0];
        long length = range == null ? n : range[1] - range[0] + 1;
        if (gzip) {
            response.headers().set(HttpHeaderNames.CONTENT_ENCODING, HttpHeaderValues.GZIP);
        }
        if (gzip || chunked) {
            HttpUtil.setTransferEncodingChunked(response, true);
        } else {
            HttpUtil.setContentLength(response, length);
        }
        if (range != null) {
            response.headers().set(HttpHeaderNames.CONTENT_RANGE, "bytes " + range[0] + "-" + range[1] + "/" + n);
        }
        if (call.head) {
            call.sendWithoutBody(response);
            return;
        }
        ChunkedInput<ByteBuf> body = gzip ? new GzipInput(seed, n) : new BytesInput(seed, offset, length, stallAt);
        call.ctx.write(response);
        call.finishWith(call.ctx.writeAndFlush(new HttpChunkedInput(body)));
    }

    /** HTTP/1.0 style: no length, no chunks; the end of the body is the end of the connection. */
    private static void closeDelimited(Call call, long n, long seed) {
        HttpResponse response = call.head(HttpResponseStatus.OK, OCTETS);
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        call.ctx.write(response);
        if (call.head) {
            call.ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        call.ctx.writeAndFlush(new HttpChunkedInput(new BytesInput(seed, 0, n))).addListener(ChannelFutureListener.CLOSE);
    }

    static void drip(Call call) {
        long bytes = call.longParam("bytes", 10, 0, 1 << 20);
        long ms = call.longParam("ms", 100, 0, Endpoints.MAX_DELAY_MS);
        long wait = call.longParam("wait", 0, 0, Endpoints.MAX_DELAY_MS);
        if (wait > 0) {
            call.schedule(wait, () -> dripHead(call, bytes, ms));
        } else {
            dripHead(call, bytes, ms);
        }
    }

    private static void dripHead(Call call, long bytes, long ms) {
        HttpResponse response = call.head(HttpResponseStatus.OK, OCTETS);
        HttpUtil.setContentLength(response, bytes);
        call.ctx.writeAndFlush(response);
        dripStep(call, call.head ? 0 : bytes, ms);
    }

    private static void dripStep(Call call, long remaining, long ms) {
        if (remaining == 0) {
            call.finishWith(call.ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
            return;
        }
        call.schedule(ms, () -> {
            call.ctx.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[] {'*'})));
            dripStep(call, remaining - 1, ms);
        });
    }

    static void fault(Call call, String kind) {
        ChannelHandlerContext ctx = call.ctx;
        switch (kind) {
            case "reset":
                // SO_LINGER 0 turns close() into a TCP RST instead of an orderly FIN.
                ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
                ctx.close();
                break;
            case "truncate":
                halfOfLength(call).addListener(ChannelFutureListener.CLOSE);
                break;
            case "short": // HTTP/2: DATA that end short of the content-length (RFC 9113 §8.1.1); HTTP/1.1 waits for the rest
                halfOfLength(call);
                call.finishWith(ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
                break;
            case "hang":
                break; // accepted and read; never answered until the client gives up
            default:
                Endpoints.notFound(call);
        }
    }

    /** A head saying {@code Content-Length: n} ({@code ?n=}, 1000 by default) and the first n/2 bytes of the body: their write. */
    private static ChannelFuture halfOfLength(Call call) {
        long n = call.longParam("n", 1000, 2, MAX_TRUNCATE);
        HttpResponse response = call.head(HttpResponseStatus.OK, OCTETS);
        HttpUtil.setContentLength(response, n);
        call.ctx.write(response);
        ByteBuf half = call.ctx.alloc().buffer((int) (n / 2));
        DeterministicBytes.write(half, 0, 0, (int) (n / 2));
        return call.ctx.writeAndFlush(new DefaultHttpContent(half));
    }
}
