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
            for (String one : value.split(",", -1)) {
                String digits = one.trim();
                if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    return -1;
                }
                long n = Long.parseLong(digits);
                if (length >= 0 && n != length) {
                    return -1;
                }
                length = n;
            }
        }
        return length;
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
