package io.asynccrawler.fetch.netty;

import io.asynccrawler.fetch.FetchException;
import io.asynccrawler.fetch.Header;
import io.asynccrawler.fetch.Protocol;
import io.asynccrawler.fetch.Request;
import io.asynccrawler.fetch.WireLog;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2StreamChannel;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** One stream of a shared HTTP/2 connection, lent to one exchange; its {@link StreamReader} reads the response. */
final class StreamLease implements Lease {
    /** Fields of HTTP/1.1 connections that HTTP/2 forbids (RFC 9113 §8.2.2); Host becomes :authority. */
    private static final Set<String> CONNECTION_FIELDS = Set.of("connection", "keep-alive", "proxy-connection", "transfer-encoding",
            "upgrade", "host");

    private final Http2StreamChannel stream;
    private final StreamReader reader;
    private final Origin origin;

    StreamLease(Http2StreamChannel stream, StreamReader reader, Origin origin) {
        this.stream = stream;
        this.reader = reader;
        this.origin = origin;
    }

    @Override
    public Channel channel() {
        return stream;
    }

    @Override
    public Origin origin() {
        return origin;
    }

    @Override
    public Protocol protocol() {
        return Protocol.H2;
    }

    @Override
    public FetchException begin(NettyExchange exchange) {
        reader.begin(exchange);
        return stream.isActive() ? null : FetchException.closedBeforeResponse();
    }

    @Override
    public ChannelFuture send(Request request) {
        Http2Headers headers = headers(origin, request);
        if (WireLog.enabled()) {
            WireLog.sent(request.uri(), wireText(headers));
        }
        return stream.writeAndFlush(new DefaultHttp2HeadersFrame(headers, true));
    }

    /** {@code headers} as -vv shows a request, as curl does over h2: "GET /path HTTP/2", Host, then the fields. */
    static String wireText(Http2Headers headers) {
        StringBuilder text = new StringBuilder(256).append(headers.method()).append(' ').append(headers.path()).append(" HTTP/2\r\nHost: ")
                .append(headers.authority());
        for (Map.Entry<CharSequence, CharSequence> field : headers) {
            if (field.getKey().charAt(0) != ':') {
                text.append("\r\n").append(field.getKey()).append(": ").append(field.getValue());
            }
        }
        return text.toString();
    }

    /** A GET's HTTP/2 fields: the pseudo-header fields, then the request's own in lower case, connection ones left out. */
    static Http2Headers headers(Origin origin, Request request) {
        Http2Headers h = new DefaultHttp2Headers(true, request.headers().size() + 4);
        Header.checkValue("Host", origin.hostHeader());
        h.method("GET").scheme(origin.https() ? "https" : "http").authority(origin.hostHeader()).path(RequestHead.target(request.uri()));
        for (Header header : request.headers()) {
            Header.checkName(header.name());
            Header.checkValue(header.name(), header.value());
            String name = header.name().toLowerCase(Locale.ROOT);
            if (CONNECTION_FIELDS.contains(name) || name.equals("te") && !header.value().equalsIgnoreCase("trailers")) {
                continue;
            }
            h.add(name, header.value());
        }
        return h;
    }

    @Override
    public void release(boolean reusable) {
        stream.close(); // a stream that ended both ways is closed already; any other is reset (RST_STREAM CANCEL)
    }

    @Override
    public boolean inHandshake() {
        return false; // a stream opens on a connection whose handshake is done
    }

    @Override
    public boolean replayable(FetchException failure, boolean headSeen) {
        return !headSeen && reader.refused();
    }
}
