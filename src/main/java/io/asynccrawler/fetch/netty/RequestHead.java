package io.asynccrawler.fetch.netty;

import io.asynccrawler.fetch.Header;
import io.asynccrawler.fetch.Request;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A GET request's head written as bytes straight into one buffer: the bytes Netty's
 * HttpRequestEncoder writes for the same request (the target as UTF-8, then Host and the other
 * headers in order, names and values as Latin-1), without building a request object, a validated
 * header map and running the encoder for every request: together a fifth of the event loop's time
 * on small files. As the header map did, it refuses what {@link Header#checkName} and
 * {@link Header#checkValue} refuse. Host is spelt {@code Host}, as curl and browsers send it.
 */
final class RequestHead {
    private static final byte[] GET = "GET ".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] VERSION_HOST = " HTTP/1.1\r\nHost: ".getBytes(StandardCharsets.ISO_8859_1);

    private RequestHead() {
    }

    /**
     * {@code request}'s head for {@code origin}: in origin form, or to an HTTP proxy in absolute
     * form with the proxy's credentials (they go to the proxy alone: its route's connections
     * carry nothing else).
     */
    static ByteBuf encode(ByteBufAllocator alloc, Origin origin, Request request) {
        if (!origin.absoluteForm()) {
            return encode(alloc, target(request.uri()), origin.hostHeader(), request.headers());
        }
        String target = origin + target(request.uri()); // http://host[:port]/path?query, no user info or fragment
        String credentials = origin.proxy().basicAuthorization();
        if (credentials == null) {
            return encode(alloc, target, origin.hostHeader(), request.headers());
        }
        List<Header> headers = new ArrayList<>(request.headers());
        headers.add(new Header("Proxy-Authorization", credentials));
        return encode(alloc, target, origin.hostHeader(), headers);
    }

    /** The request target in origin form: the raw path ({@code /} if empty) and query. */
    static String target(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /**
     * @param target the request target in origin form ({@code /path?query})
     * @param host   the Host header's value
     * @throws IllegalArgumentException for a header that may not be sent
     */
    static ByteBuf encode(ByteBufAllocator alloc, String target, String host, List<Header> headers) {
        Header.checkValue("Host", host);
        // Each piece is copied whole (String.getBytes of a Latin-1 string is an array copy), then the
        // head goes into the buffer in one copy: Netty's per-character ASCII writer costs more under C1.
        byte[] path = target.getBytes(StandardCharsets.UTF_8);
        byte[] hostBytes = latin1(host);
        byte[][] fields = new byte[headers.size() * 2][];
        int size = GET.length + path.length + VERSION_HOST.length + hostBytes.length + 4;
        for (int i = 0; i < headers.size(); i++) {
            Header h = headers.get(i);
            Header.checkName(h.name()); // -H and -A were checked as given; Range, If-Range and the rest here
            Header.checkValue(h.name(), h.value());
            fields[2 * i] = latin1(h.name());
            fields[2 * i + 1] = latin1(h.value());
            size += fields[2 * i].length + fields[2 * i + 1].length + 4;
        }
        byte[] head = new byte[size];
        int at = put(head, 0, GET);
        at = put(head, at, path);
        at = put(head, at, VERSION_HOST);
        at = crlf(head, put(head, at, hostBytes));
        for (int i = 0; i < fields.length; i += 2) {
            at = put(head, at, fields[i]);
            head[at++] = ':';
            head[at++] = ' ';
            at = crlf(head, put(head, at, fields[i + 1]));
        }
        crlf(head, at);
        return alloc.buffer(size).writeBytes(head);
    }

    private static int crlf(byte[] head, int at) {
        head[at] = '\r';
        head[at + 1] = '\n';
        return at + 2;
    }

    /**
     * As Netty's ASCII writer, but per code point: a character up to U+00FF as its byte, any other
     * as '?'.
     */
    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int put(byte[] head, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, head, at, bytes.length);
        return at + bytes.length;
    }
}
