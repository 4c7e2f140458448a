package io.asynccrawler.fetch;

/**
 * A URL host that ends in a number is an IPv4 address, in any of the forms the WHATWG URL Standard
 * reads as browsers and curl do: one to four parts, each decimal, octal after a leading {@code 0}
 * or hex after {@code 0x}, the last filling the bytes left ({@code 127.1}, {@code 0x7f000001},
 * {@code 2130706433} and {@code 0177.0.0.1} are all {@code 127.0.0.1}). java.net.URI finds no host
 * in the first, and the JDK's resolver reads {@code 0177.0.0.1} as 177.0.0.1: a different machine
 * than every other client would reach.
 */
final class Ipv4Host {
    private Ipv4Host() {
    }

    /**
     * The host in {@code s} from {@code from} to {@code to}, as dotted decimal if it ends in a number,
     * else {@code null} (a name, left as it is).
     *
     * @throws IllegalArgumentException it ends in a number but is no IPv4 address ({@code 1.2.3.4.5},
     *                                  {@code 256.0.0.1}, {@code 08.0.0.1}, {@code example.1})
     */
    static String canonical(String s, int from, int to) {
        int end = to;
        if (end - from > 1 && s.charAt(end - 1) == '.') {
            end--; // a trailing dot, as in a fully qualified name
        }
        int lastStart = s.lastIndexOf('.', end - 1) + 1;
        if (lastStart < from) {
            lastStart = from;
        }
        if (lastStart == end || !isDigit(s.charAt(lastStart))) {
            return null; // fast path: a name's last label starts with a letter
        }
        if (!allDigits(s, lastStart, end) && number(s, lastStart, end) < 0) {
            return null; // "1abc": a name (it fails later if it is no name either)
        }
        long[] parts = new long[4];
        int n = 0;
        int start = from;
        while (start <= end) {
            int dot = s.indexOf('.', start);
            int partEnd = dot < 0 || dot > end ? end : dot;
            if (n == 4) {
                throw invalid(s, from, to);
            }
            long value = number(s, start, partEnd);
            if (value < 0) {
                throw invalid(s, from, to);
            }
            parts[n++] = value;
            start = partEnd + 1;
        }
        for (int i = 0; i < n - 1; i++) {
            if (parts[i] > 255) {
                throw invalid(s, from, to);
            }
        }
        if (parts[n - 1] >= 1L << (8 * (5 - n))) {
            throw invalid(s, from, to);
        }
        long address = parts[n - 1];
        for (int i = 0; i < n - 1; i++) {
            address += parts[i] << (8 * (3 - i));
        }
        return (address >>> 24) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "." + (address & 0xFF);
    }

    /** One part's value (hex after 0x, octal after a leading 0, else decimal), or -1 if it is none; values past 2^32 cap there. */
    private static long number(String s, int from, int to) {
        if (from == to) {
            return -1;
        }
        int radix = 10;
        if (to - from >= 2 && s.charAt(from) == '0' && (s.charAt(from + 1) == 'x' || s.charAt(from + 1) == 'X')) {
            radix = 16;
            from += 2;
        } else if (to - from >= 2 && s.charAt(from) == '0') {
            radix = 8;
            from++;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = Character.digit(s.charAt(i), radix);
            if (digit < 0 || s.charAt(i) > 'f') {
                return -1; // Character.digit also takes non-ASCII digits
            }
            value = Math.min(value * radix + digit, 1L << 32);
        }
        return value;
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static IllegalArgumentException invalid(String s, int from, int to) {
        return new IllegalArgumentException("not an IPv4 address: " + s.substring(from, to));
    }
}
