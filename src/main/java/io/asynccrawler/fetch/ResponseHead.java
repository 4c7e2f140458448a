package io.asynccrawler.fetch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The status line and headers of a response. The headers stay as they came, a flat list of names
 * and values looked up by a case-insensitive scan: a response has a dozen of them and the crawler
 * asks for a few, so building a map for every small file cost more than it saved.
 */
public final class ResponseHead {
    private final int status;
    private final String reasonPhrase;
    /** Names and values in turn, in the order received. */
    private final String[] fields;
    private final long receivedNanos;
    private final Protocol protocol;

    /**
     * @param status         the status code
     * @param reasonPhrase   the status line's text
     * @param fields         header names and values in turn, as received (names in any case)
     * @param receivedNanos  {@link System#nanoTime()} when the head arrived
     */
    public ResponseHead(int status, String reasonPhrase, String[] fields, long receivedNanos) {
        this(status, reasonPhrase, receivedNanos, fields.clone(), Protocol.HTTP_1_1);
    }

    /** Takes {@code fields} as they are: for arrays made here, never seen by anyone else (no copy). */
    private ResponseHead(int status, String reasonPhrase, long receivedNanos, String[] fields, Protocol protocol) {
        if (fields.length % 2 != 0) {
            throw new IllegalArgumentException("header names and values in pairs");
        }
        this.status = status;
        this.reasonPhrase = reasonPhrase;
        this.fields = fields;
        this.receivedNanos = receivedNanos;
        this.protocol = protocol;
    }

    /** A head with the headers {@code headers} (values by name; a null name is skipped). */
    public static ResponseHead of(int status, String reasonPhrase, Map<String, List<String>> headers, long receivedNanos) {
        List<String> flat = new ArrayList<>();
        headers.forEach((name, values) -> {
            if (name != null) {
                for (String value : values) {
                    flat.add(name);
                    flat.add(value);
                }
            }
        });
        return new ResponseHead(status, reasonPhrase, receivedNanos, flat.toArray(new String[0]), Protocol.HTTP_1_1);
    }

    /** A head with the {@code count} headers {@code headers} yields, in that order. */
    public static ResponseHead ofEntries(int status, String reasonPhrase, Iterable<Map.Entry<String, String>> headers, int count,
                                         long receivedNanos) {
        String[] fields = new String[count * 2];
        int i = 0;
        for (Map.Entry<String, String> e : headers) {
            fields[i++] = e.getKey();
            fields[i++] = e.getValue();
        }
        return new ResponseHead(status, reasonPhrase, receivedNanos, fields, Protocol.HTTP_1_1);
    }

    /**
     * An HTTP/2 head: {@code fields} are names (lower case, pseudo-headers left out) and values in
     * turn, taken as they are. HTTP/2 has no reason phrase; {@code reasonPhrase} is the status's
     * usual one, so that messages read the same over either protocol.
     */
    public static ResponseHead h2(int status, String reasonPhrase, String[] fields, long receivedNanos) {
        return new ResponseHead(status, reasonPhrase, receivedNanos, fields, Protocol.H2);
    }

    public int status() {
        return status;
    }

    public String reasonPhrase() {
        return reasonPhrase;
    }

    /** The protocol the response came by. */
    public Protocol protocol() {
        return protocol;
    }

    public long receivedNanos() {
        return receivedNanos;
    }

    /** Each header as received, in order. */
    public void forEachField(BiConsumer<String, String> field) {
        for (int i = 0; i < fields.length; i += 2) {
            field.accept(fields[i], fields[i + 1]);
        }
    }

    /** The first value of header {@code name} (any case), or null. */
    public String header(String name) {
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i].equalsIgnoreCase(name)) {
                return fields[i + 1];
            }
        }
        return null;
    }

    /** Every value of header {@code name} (any case) in order, or null when it is absent. */
    public List<String> values(String name) {
        List<String> values = null;
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i].equalsIgnoreCase(name)) {
                if (values == null) {
                    values = new ArrayList<>(1);
                }
                values.add(fields[i + 1]);
            }
        }
        return values;
    }

    /** The Content-Length, or -1 when absent or not one non-negative number (see {@link #checkFraming()}). */
    public long contentLength() {
        long length = -1;
        for (int f = 0; f < fields.length; f += 2) {
            if (!fields[f].equalsIgnoreCase("content-length")) {
                continue;
            }
            String value = fields[f + 1];
            // "10" or "10, 10": every number the same; parsed in place, no list (this runs for every response)
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

    /** Refuses, as truncated, a body of {@code raw} bytes as received (before decoding) shorter or longer than its Content-Length. */
    public void checkBodyLength(long raw) throws FetchException {
        long expected = contentLength();
        if (expected >= 0 && raw != expected) {
            throw FetchException.truncated("got " + raw + " of " + expected + " bytes");
        }
    }

    /**
     * Refuses a head whose body length cannot be told for sure (RFC 9112 §6.3): a Content-Length
     * that is not one number (repeats of the same number are fine), Content-Length together with
     * Transfer-Encoding, or a transfer coding other than chunked (whose body would be read to the
     * close, still encoded). Both transports check the same rules here, whatever their parser let by.
     */
    public void checkFraming() throws FetchException {
        List<String> lengths = values("content-length");
        List<String> codings = values("transfer-encoding");
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
