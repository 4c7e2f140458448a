package io.asynccrawler.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One request being answered on one server connection: its parameters and the ways to reply. */
final class Call {
    final ChannelHandlerContext ctx;
    final String path;
    final boolean head;
    final boolean keepAlive;
    final String host;
    /** The request's {@code Range} header, or null. */
    final String range;
    /** The request's {@code If-Range} header, or null. */
    final String ifRange;
    /** The request's headers, in order, for {@code /headers}. */
    final List<Map.Entry<String, String>> requestHeaders;
    private final QueryStringDecoder query;
    private final Runnable onDone;
    private ScheduledFuture<?> timer;

    Call(ChannelHandlerContext ctx, FullHttpRequest request, Runnable onDone) {
        this.ctx = ctx;
        this.query = new QueryStringDecoder(request.uri());
        this.path = query.path();
        this.head = HttpMethod.HEAD.equals(request.method());
        this.keepAlive = HttpUtil.isKeepAlive(request);
        this.host = request.headers().get(HttpHeaderNames.HOST, "127.0.0.1");
        this.range = request.headers().get(HttpHeaderNames.RANGE);
        this.ifRange = request.headers().get(HttpHeaderNames.IF_RANGE);
        this.requestHeaders = request.headers().entries();
        this.onDone = onDone;
    }

    /** The request's path and query, as sent. */
    String uri() {
        return query.uri();
    }

    /** The query's parameters, by name, in order. */
    Map<String, List<String>> parameters() {
        return query.parameters();
    }

    String param(String name) {
        List<String> values = query.parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    long longParam(String name, long fallback, long min, long max) {
        String value = param(name);
        return value == null ? fallback : parseBounded(name, value, min, max);
    }

    boolean flag(String name) {
        String value = param(name);
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
    }

    static long parseBounded(String name, String value, long min, long max) {
        long n;
        try {
            n = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a number: " + value);
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ": " + value);
        }
        return n;
    }

    /** Runs {@code task} on this connection's event loop after {@code millis}; never blocks it. */
    void schedule(long millis, Runnable task) {
        timer = ctx.executor().schedule(task, millis, TimeUnit.MILLISECONDS);
    }

    void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    /** A response head carrying this call's keep-alive decision. */
    HttpResponse head(HttpResponseStatus status, String contentType) {
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, status);
        prepare(response, contentType);
        return response;
    }

    void json(HttpResponseStatus status, String json) {
        send(full(status, "application/json", json.isEmpty() ? "" : json + "\n"));
    }

    void text(HttpResponseStatus status, String contentType, String body) {
        send(full(status, contentType, body));
    }

    /** A complete response (no body on HEAD, but the body's Content-Length), not yet sent. */
    FullHttpResponse full(HttpResponseStatus status, String contentType, String body) {
        return full(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A complete response of {@code bytes}, as above. */
    FullHttpResponse full(HttpResponseStatus status, String contentType, byte[] bytes) {
        ByteBuf content = head || bytes.length == 0 ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(bytes);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
        prepare(response, contentType);
        HttpUtil.setContentLength(response, bytes.length);
        return response;
    }

    void send(FullHttpResponse response) {
        finishWith(ctx.writeAndFlush(response));
    }

    private void prepare(HttpResponse response, String contentType) {
        response.headers().set(HttpHeaderNames.SERVER, "crawler-serve");
        if (contentType != null) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
    }

    /** Sends a response that has no body (HEAD, 416, ...). */
    void sendWithoutBody(HttpResponse response) {
        ctx.write(response);
        finishWith(ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
    }

    /** The response is complete once {@code last} is written: keep the connection or close it. */
    void finishWith(ChannelFuture last) {
        last.addListener((ChannelFutureListener) f -> {
            if (f.isSuccess() && keepAlive) {
                onDone.run();
            } else {
                f.channel().close();
            }
        });
    }
}
