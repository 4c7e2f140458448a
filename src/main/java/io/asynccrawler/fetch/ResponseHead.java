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

    /** The Content-Length, or -1 when absent or not a single non-negative number. */
    public long contentLength() {
        List<String> values = headers.get("content-length");
        if (values == null || values.size() != 1) {
            return -1;
        }
        try {
            long n = Long.parseLong(values.get(0).trim());
            return n < 0 ? -1 : n;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
