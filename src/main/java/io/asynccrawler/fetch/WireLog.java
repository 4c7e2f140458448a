package io.asynccrawler.fetch;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code -vv} shows: each request's head as sent ({@code > } lines) and each response's head
 * as received ({@code < } lines), as {@code curl -v} and {@code wget -S} show them, headed by the
 * URL (many are in flight at once, so each head is one log line of several, never interleaved).
 * Credentials are never shown: an Authorization or Cookie value is replaced by {@code <redacted>}.
 * At TRACE under {@code io.asynccrawler.wire}; callers ask {@link #enabled()} first, so without
 * {@code -vv} this costs one branch a request.
 */
public final class WireLog {
    private static final Logger log = LoggerFactory.getLogger("io.asynccrawler.wire");
    private static final String NL = System.lineSeparator();

    private WireLog() {
    }

    public static boolean enabled() {
        return log.isTraceEnabled();
    }

    /** A request head as the bytes sent ({@code head}: CRLF-ended lines, the empty one last). */
    public static void sent(URI uri, String head) {
        StringBuilder text = new StringBuilder(head.length() + 64).append("* ").append(uri);
        for (String line : head.split("\r\n")) {
            if (!line.isEmpty()) {
                text.append(NL).append("> ").append(redacted(line));
            }
        }
        log.trace(text.toString());
    }

    /** A request head given as its parts (the blocking modes, whose client writes the bytes itself). */
    public static void sent(URI uri, String target, String host, List<Header> headers) {
        StringBuilder head = new StringBuilder(256).append("GET ").append(target).append(" HTTP/1.1\r\nHost: ").append(host);
        for (Header h : headers) {
            head.append("\r\n").append(h.name()).append(": ").append(h.value());
        }
        sent(uri, head.toString());
    }

    /** A response head as received. */
    public static void received(URI uri, ResponseHead head) {
        StringBuilder text = new StringBuilder(256).append("* ").append(uri).append(NL)
                .append(head.protocol() == Protocol.H2 ? "< HTTP/2 " + head.status() // h2 has no reason phrase: as curl shows it
                        : "< HTTP/1.1 " + head.status() + " " + head.reasonPhrase());
        head.forEachField((name, value) -> text.append(NL).append("< ").append(redacted(name + ": " + value)));
        log.trace(text.toString());
    }

    private static String redacted(String line) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            return line;
        }
        String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
        boolean secret = name.equals("authorization") || name.equals("proxy-authorization") || name.equals("cookie");
        return secret ? line.substring(0, colon) + ": <redacted>" : line;
    }
}
