package io.asynccrawler.server;

/** Parses a single-range {@code Range: bytes=...} header (RFC 9110 §14.2) against a body length. */
final class ByteRange {
    /** Returned when the header asks for bytes the body does not have. */
    static final long[] UNSATISFIABLE = new long[0];

    private ByteRange() {
    }

    /**
     * The inclusive {@code [first, last]} byte positions asked for, {@code null} to send the whole
     * body (no header, or one we do not serve, such as several ranges), or {@link #UNSATISFIABLE}.
     */
    static long[] parse(String header, long length) {
        if (header == null || !header.startsWith("bytes=") || header.indexOf(',') >= 0) {
            return null;
        }
        String spec = header.substring("bytes=".length()).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String a = spec.substring(0, dash).trim();
            String b = spec.substring(dash + 1).trim();
            if (a.isEmpty()) { // suffix range: the last b bytes
                long suffix = Long.parseLong(b);
                return suffix <= 0 || length == 0 ? UNSATISFIABLE : new long[] {Math.max(0, length - suffix), length - 1};
            }
            long first = Long.parseLong(a);
            long last = b.isEmpty() ? length - 1 : Math.min(Long.parseLong(b), length - 1);
            if (first < 0 || first >= length || last < first) {
                return UNSATISFIABLE;
            }
            return new long[] {first, last};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
