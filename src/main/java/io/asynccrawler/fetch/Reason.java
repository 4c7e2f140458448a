package io.asynccrawler.fetch;

import java.util.Locale;

/**
 * Why a URL was not saved: each has a stable word of the report ({@link #word()}) and a few words
 * for people ({@link #label()}, the summary's). {@link #HTTP} is the one whose word depends on the
 * response: {@code http_404}, {@code http_503}.
 */
public enum Reason {
    CONNECT_REFUSED("connection refused"),
    CONNECT_TIMEOUT("timed out connecting"),
    /** Connecting failed another way: no route, too many open files. */
    CONNECT_ERROR("connect error"),
    DNS("host not found"),
    /** The proxy could not be reached (refused, timed out, its name not found). */
    PROXY_CONNECT("cannot reach the proxy"),
    /** The proxy asked for credentials (407), or refused the ones given. */
    PROXY_AUTH("proxy authentication failed"),
    /** The proxy answered an error to CONNECT, or its SOCKS server refused the connection. */
    PROXY_REFUSED("refused by the proxy"),
    TLS("TLS refused"),
    READ_TIMEOUT("no data (read timeout)"),
    DEADLINE("deadline exceeded"),
    CONNECTION_RESET("connection reset"),
    /** The HTTP/2 server reset the URL's stream (RST_STREAM); its connection's other streams go on. */
    STREAM_RESET("stream reset"),
    /** The connection closed before a response head arrived. */
    CLOSED("closed before a response"),
    TRUNCATED("body cut short"),
    BAD_RESPONSE("malformed response"),
    /** Another I/O failure of the connection. */
    IO_ERROR("io error"),
    TOO_LARGE("larger than --max-size"),
    WRITE_ERROR("cannot write the file"),
    /** A 401 to a request that carried credentials (-u, netrc, the URL's, -H Authorization): they were refused. */
    AUTH_FAILED("credentials refused"),
    /** A response status that is not a success: the word is {@code http_} and the status. */
    HTTP("HTTP"),
    REDIRECT_LOOP("redirect loop"),
    TOO_MANY_REDIRECTS("too many redirects"),
    BAD_REDIRECT("redirect refused"),
    INSECURE_REDIRECT("https to http redirect refused"),
    RANGE_MISMATCH("Content-Range does not fit the part file"),
    /** The server speaks HTTP/2 only (a SETTINGS frame for an answer, or a close after agreeing no ALPN protocol). */
    HTTP2_ONLY("HTTP/2-only server"),
    BAD_INPUT("bad input line"),
    /** -N: the server said the saved file has not changed (304); it is skipped, not failed. */
    NOT_MODIFIED("not modified"),
    /** A run without --resume found a part file --resume could continue, and left it alone. */
    PART_LEFT("a part file for --resume"),
    CANCELLED("cancelled"),
    // Why a crawl met a URL and did not fetch it (outcome excluded).
    OUT_OF_SCOPE("not in the crawl's scope"),
    TOO_DEEP("past --depth"),
    REJECTED_BY_RULE("rejected by a rule"),
    NOFOLLOW("nofollow"),
    PAGE_BUDGET("past --max-pages"),
    TRAP("a trap path"),
    URL_TOO_LONG("URL too long"),
    ROBOTS_DISALLOWED("disallowed by robots.txt"),
    ROBOTS_UNREACHABLE("robots.txt unreachable"),
    CRAWL_DELAY_TOO_LONG("Crawl-delay over --max-crawl-delay"),
    /** Something the code did not foresee; the message says what. */
    ERROR("error");

    private final String word;
    private final String label;

    Reason(String label) {
        this.word = name().toLowerCase(Locale.ROOT);
        this.label = label;
    }

    /** The report's word; for {@link #HTTP}, {@code http} alone: see {@link #word(int)}. */
    public String word() {
        return word;
    }

    /** The report's word for a failure whose response had {@code status}: {@code http_404} for HTTP. */
    public String word(int status) {
        return this == HTTP ? "http_" + status : word;
    }

    /** The summary's words for the report word {@code word}: {@code http_404} is "HTTP 404". */
    public static String label(String word) {
        if (word.startsWith("http_")) {
            return "HTTP " + word.substring(5);
        }
        for (Reason r : values()) {
            if (r.word.equals(word)) {
                return r.label;
            }
        }
        return word.replace('_', ' ');
    }
}
