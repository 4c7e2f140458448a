package io.asynccrawler.fetch;

import java.util.Locale;

/** One request header given with {@code -H 'Name: value'}. */
public record Header(String name, String value) {
    /** Parses {@code Name: value}; the name must be a valid HTTP token. */
    public static Header parse(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not a header, expected 'Name: value': " + line);
        }
        String name = line.substring(0, colon).trim();
        if (!name.chars().allMatch(c -> c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
            throw new IllegalArgumentException("not a valid header name: " + name);
        }
        String value = line.substring(colon + 1).trim();
        if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw new IllegalArgumentException("header value holds a line break: " + name);
        }
        return new Header(name, value);
    }

    public boolean is(String other) {
        return name.equalsIgnoreCase(other);
    }

    public String lowerName() {
        return name.toLowerCase(Locale.ROOT);
    }
}
