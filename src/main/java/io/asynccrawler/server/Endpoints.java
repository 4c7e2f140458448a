package io.asynccrawler.server;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** The small JSON endpoints: index, delays, status codes and redirects. */
final class Endpoints {
    /** Longest delay a request may ask for; the server holds connections, not threads, while waiting. */
    static final long MAX_DELAY_MS = 10 * 60 * 1000L;

    private Endpoints() {
    }

    static void index(Call call) {
        call.text(HttpResponseStatus.OK, "text/plain; charset=utf-8", String.join("\n",
                "crawler serve: endpoints",
                "  /aio?min=1&max=30&seed=S   random delay of min..max whole seconds (fixed by a seed), answers {\"delay\": s}",
                "  /delay/{ms}                fixed delay, answers {\"delay_ms\": ms}",
                "  /bytes/{n}?seed=&chunked=1&gzip=1   n deterministic bytes (close=1: ended by closing)",
                "  /bytes/{n}?stall_at=K               stops sending at byte K without ending (Range, If-Range, ETag)",
                "  /encoded/{n}?coding=gzip,br,zstd&zeros=1   n bytes under those content codings, in that order",
                "  /files/{path}              files under the --files directory",
                "  /status/{code}             that status",
                "  /redirect/{n}?absolute=1   n redirects, then 200",
                "  /redirect-to?url=&status=  one redirect to url",
                "  /drip?bytes=&ms=&wait=     bytes, one every ms milliseconds (the head after wait ms)",
                "  /fault/reset /fault/truncate?n= /fault/hang   (over h2: the stream reset, cut, silent)",
                "  /fault/short?n=            Content-Length n, half the body, and its end (HTTP/2 DATA that disagree)",
                "  /h2/goaway /h2/refuse/{n}?key=K   HTTP/2 only: GOAWAY naming this stream last; REFUSED_STREAM n times",
                "  /h2/header/{n}             HTTP/2 only: an X-Big header of n bytes, past the client's header list size",
                "  /h2/silence?key=K          HTTP/2 only: the whole connection silent from then on (the first time for K)",
                "  /stats                     open, peak and accepted connection counts",
                "  /headers                   the request's headers as JSON",
                "  /anything/{any path}       200 with the path asked for",
                "  /redirect-loop             redirects to itself",
                "  /counter                   a number that grows with every request",
                "  /flaky/{n}?key=K           503 for the first n requests with key K, then 200",
                "  /status/{code}?retry_after=S   adds a Retry-After header",
                "  /site/{pages}x{fanout}/    a generated site to crawl: a tree of pages, style sheets, images,",
                "                             broken links, a redirect, a second host (127.0.0.2), traps",
                "  /site/sitemap.xml          a sitemap index; its sitemap lists pages no link reaches",
                "  /robots.txt                for crawls of /site/: page 11 and private/ disallowed, the sitemap",
                ""));
    }

    static void aio(Call call) {
        long min = call.longParam("min", 1, 0, MAX_DELAY_MS / 1000);
        long max = call.longParam("max", 30, min, MAX_DELAY_MS / 1000);
        String seed = call.param("seed");
        // With a seed the "random" delay is the same on every run, so modes of a comparison get
        // identical answers; without one it is random, as in the classic demo.
        long seconds = seed == null ? ThreadLocalRandom.current().nextLong(min, max + 1)
                : min + Math.floorMod(DeterministicBytes.byteAt(Call.parseBounded("seed", seed, Long.MIN_VALUE, Long.MAX_VALUE), 0), max - min + 1);
        call.schedule(seconds * 1000, () -> call.json(HttpResponseStatus.OK, "{\"delay\": " + seconds + "}"));
    }

    static void delay(Call call, String rest) {
        long ms = Call.parseBounded("delay", rest, 0, MAX_DELAY_MS);
        call.schedule(ms, () -> call.json(HttpResponseStatus.OK, "{\"delay_ms\": " + ms + "}"));
    }

    static void status(Call call, String rest) {
        int code = (int) Call.parseBounded("status", rest, 200, 599);
        HttpResponseStatus status = HttpResponseStatus.valueOf(code);
        boolean noBody = code == 204 || code == 304;
        var response = call.full(status, "application/json", noBody ? "" : "{\"status\": " + code + "}\n");
        String retryAfter = call.param("retry_after");
        if (retryAfter != null) {
            response.headers().set(HttpHeaderNames.RETRY_AFTER, retryAfter);
        }
        call.send(response);
    }

    /**
     * {@code /basic-auth/USER/PASS}, as httpbin's: 200 and the user when the request's Basic
     * credentials are USER:PASS, else 401 with a challenge.
     */
    static void basicAuth(Call call, String rest) {
        String expected = "Basic " + Base64.getEncoder().encodeToString(rest.replaceFirst("/", ":").getBytes(StandardCharsets.UTF_8));
        String given = null;
        for (var e : call.requestHeaders) {
            if (e.getKey().equalsIgnoreCase("authorization")) {
                given = e.getValue();
            }
        }
        if (rest.indexOf('/') > 0 && expected.equals(given)) {
            call.json(HttpResponseStatus.OK, "{\"authenticated\": true, \"user\": " + quote(rest.substring(0, rest.indexOf('/'))) + "}\n");
            return;
        }
        var response = call.full(HttpResponseStatus.UNAUTHORIZED, "application/json", "{\"authenticated\": false}\n");
        response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Basic realm=\"crawler-serve\"");
        call.send(response);
    }

    /** Echoes the request's headers as a JSON object of arrays. */
    static void headers(Call call) {
        StringBuilder json = new StringBuilder("{");
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (var e : call.requestHeaders) {
            byName.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(e.getValue());
        }
        byName.forEach((name, values) -> {
            json.append(json.length() > 1 ? ", " : "").append(quote(name)).append(": [");
            for (int i = 0; i < values.size(); i++) {
                json.append(i > 0 ? ", " : "").append(quote(values.get(i)));
            }
            json.append(']');
        });
        call.json(HttpResponseStatus.OK, json.append('}').toString());
    }

    /** Any path at all answers 200 with the path it was asked for. */
    static void anything(Call call) {
        call.json(HttpResponseStatus.OK, "{\"path\": " + quote(call.path) + "}");
    }

    /** Every request gets the next number: a body that differs between two fetches of one URL. */
    static void counter(Call call, AtomicLong counter) {
        call.json(HttpResponseStatus.OK, "{\"count\": " + counter.incrementAndGet() + "}");
    }

    /** Redirects to itself, forever. */
    static void redirectLoop(Call call) {
        sendRedirect(call, HttpResponseStatus.FOUND, "/redirect-loop");
    }

    static void redirect(Call call, String rest) {
        long hops = Call.parseBounded("redirect", rest, 0, 1000);
        if (hops == 0) {
            call.json(HttpResponseStatus.OK, "{\"redirected\": true}");
            return;
        }
        boolean absolute = call.flag("absolute");
        String next = "/redirect/" + (hops - 1) + (absolute ? "?absolute=1" : "");
        sendRedirect(call, HttpResponseStatus.FOUND, absolute ? "http://" + call.host + next : next);
    }

    static void redirectTo(Call call) {
        String url = call.param("url");
        if (url == null || url.isEmpty()) {
            throw new IllegalArgumentException("url is required");
        }
        int code = (int) call.longParam("status", 302, 300, 399);
        sendRedirect(call, HttpResponseStatus.valueOf(code), url);
    }

    private static void sendRedirect(Call call, HttpResponseStatus status, String location) {
        var response = call.full(status, "application/json", "{\"location\": " + quote(location) + "}\n");
        // Non-ASCII goes out as raw UTF-8 bytes, as many servers send it (Netty writes a char as one byte).
        response.headers().set(HttpHeaderNames.LOCATION, new String(location.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        call.send(response);
    }

    static void notFound(Call call) {
        call.json(HttpResponseStatus.NOT_FOUND, "{\"error\": " + quote("no such endpoint: " + call.path) + "}");
    }

    /** A JSON string literal of {@code s}. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
