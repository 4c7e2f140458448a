package io.asynccrawler.fetch;

import java.util.List;
import java.util.Map;

/**
 * The status line and headers of a response.
 *
 * @param status         the status code
 * @param reasonPhrase   the status line's text
 * @param headers        header values by lower-case name
 * @param receivedNanos  {@link System#nanoTime()} when the head arrived
 */
public record ResponseHead(int status, String reasonPhrase, Map<String, List<String>> headers, long receivedNanos) {
    public ResponseHead {
        headers = Map.copyOf(headers);
    }

    /** The first value of header {@code lowerName}, or null. */
    public String header(String lowerName) {
        List<String> values = headers.get(lowerName);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The Content-Length, or -1 when absent or not one non-negative number (see {@link #checkFraming()}). */
    public long contentLength() {
        List<String> values = headers.get("content-length");
        if (values == null) {
            return -1;
        }
        long length = -1;
        for (String value : values) {
            // "10" or "10, 10": every number the same; parsed in place (this runs for every response)
            int i = 0;
            while (i <= value.length()) {
                int end = value.indexOf(',', i);
                if (end < 0) {
                    end = value.length();
                }
                long n = digits(value, i, end);
                if (n < 0 || (length >= 0 && n != length)) {
                    return -1;
                }
                length = n;
                i = end + 1;
            }
        }
        return length;
    }

    /** The decimal number in {@code s[from, to)} between optional blanks, or -1 (empty, not digits, over 18 digits). */
    private static long digits(String s, int from, int to) {
        while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
            to--;
        }
        if (from == to || to - from > 18) {
            return -1;
        }
        long n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /**
     * Refuses a head whose body length cannot be told for sure (RFC 9112 §6.3): a Content-Length
     * that is not one number (repeats of the same number are fine), Content-Length together with
     * Transfer-Encoding, or a transfer coding other than chunked (whose body would be read to the
     * close, still encoded). Both transports check the same rules here, whatever their parser let by.
     */
    public void checkFraming() throws FetchException {
        List<String> lengths = headers.get("content-length");
        List<String> codings = headers.get("transfer-encoding");
        if (codings != null) {
            if (lengths != null) {
                throw FetchException.badResponse("both Content-Length and Transfer-Encoding");
            }
            if (codings.size() != 1 || !codings.get(0).trim().equalsIgnoreCase("chunked")) {
                throw FetchException.badResponse("unsupported Transfer-Encoding: " + String.join(", ", codings));
            }
        }
        if (lengths != null && contentLength() < 0) {
            throw FetchException.badResponse("invalid Content-Length: " + String.join(", ", lengths));
        }
    }
}
