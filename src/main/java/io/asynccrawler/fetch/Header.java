package io.asynccrawler.fetch;

import java.util.List;
import java.util.Locale;

/** One request header given with {@code -H 'Name: value'}. */
public record Header(String name, String value) {
    /** The RFC 9110 token characters: visible ASCII but the separators. */
    private static final boolean[] TOKEN = new boolean[128];

    static {
        for (char c = '!'; c < 0x7f; c++) {
            TOKEN[c] = "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
        }
    }

    /** Parses {@code Name: value}; the name must be a valid HTTP token. */
    public static Header parse(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not a header, expected 'Name: value': " + line);
        }
        String name = line.substring(0, colon).trim();
        String value = line.substring(colon + 1).trim();
        checkName(name);
        checkValue(name, value);
        return new Header(name, value);
    }

    /** A header name must be an RFC 9110 token: visible ASCII but the separators. */
    public static void checkName(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty header name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 0x80 || !TOKEN[c]) {
                throw new IllegalArgumentException("not a valid header name: " + name);
            }
        }
    }

    /**
     * A header value may hold no control character but the tab: a line break would smuggle a
     * header (or a request) in, and HTTP forbids the others.
     */
    public static void checkValue(String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < ' ' && c != '\t') || c == 0x7f) {
                throw new IllegalArgumentException("header " + name + " holds a line break or control character");
            }
        }
    }

    /** Whether {@code headers} hold one named {@code name} (any case). */
    public static boolean any(List<Header> headers, String name) {
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).is(name)) {
                return true;
            }
        }
        return false;
    }

    public boolean is(String other) {
        return name.equalsIgnoreCase(other);
    }

    public String lowerName() {
        return name.toLowerCase(Locale.ROOT);
    }
}
