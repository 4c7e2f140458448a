package io.asynccrawler.fetch;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * One cookie as RFC 6265 §5.3 stores it: the domain (with the host-only flag), the path, the
 * expiry (null for a session cookie) and the secure and HttpOnly flags.
 *
 * @param name      its name
 * @param value     its value
 * @param domain    the host or domain it is sent to, lower case, no leading dot
 * @param hostOnly  sent to {@code domain} alone, not to the names below it (no Domain attribute)
 * @param path      sent to this path and those below it
 * @param expires   when it expires, or null for the end of the job
 * @param secure    sent over https only
 * @param httpOnly  the HttpOnly flag (kept for the jar file; every request here is "HTTP")
 */
public record Cookie(String name, String value, String domain, boolean hostOnly, String path, Instant expires, boolean secure,
                     boolean httpOnly) {
    /** Netscape's and RFC 1123's dates, and the dashed form servers still send ({@code Wed, 09-Jun-2021 10:18:14 GMT}). */
    private static final DateTimeFormatter DASHED = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("EEE, dd-MMM-yyyy HH:mm:ss 'GMT'").toFormatter(Locale.US).withZone(ZoneOffset.UTC);

    /**
     * The cookie a {@code Set-Cookie} header {@code line} sets for a response to {@code uri}, by
     * RFC 6265 §5.2 and §5.3, or null when it must be ignored (no name=value, a Domain that does
     * not cover the host). {@code now} dates Max-Age. A Domain that is a public suffix is left to
     * the jar.
     */
    static Cookie parse(String line, URI uri, Instant now) {
        String[] parts = line.split(";");
        int eq = parts[0].indexOf('=');
        if (eq < 0) {
            return null;
        }
        String name = parts[0].substring(0, eq).strip();
        String value = parts[0].substring(eq + 1).strip();
        if (name.isEmpty()) {
            return null;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String domain = null;
        String path = null;
        Instant expires = null;
        Instant maxAge = null;
        boolean secure = false;
        boolean httpOnly = false;
        for (int i = 1; i < parts.length; i++) {
            String attr = parts[i].strip();
            int e = attr.indexOf('=');
            String key = (e < 0 ? attr : attr.substring(0, e)).strip().toLowerCase(Locale.ROOT);
            String v = e < 0 ? "" : attr.substring(e + 1).strip();
            switch (key) {
                case "domain":
                    if (!v.isEmpty()) {
                        domain = (v.startsWith(".") ? v.substring(1) : v).toLowerCase(Locale.ROOT);
                    }
                    break;
                case "path":
                    path = v.startsWith("/") ? v : null;
                    break;
                case "expires":
                    expires = date(v);
                    break;
                case "max-age":
                    maxAge = maxAge(v, now);
                    break;
                case "secure":
                    secure = true;
                    break;
                case "httponly":
                    httpOnly = true;
                    break;
                default:
                    break; // SameSite and the rest: nothing a downloader does with them
            }
        }
        if (domain != null && !domainMatches(host, domain)) {
            return null;
        }
        return new Cookie(name, value, domain == null ? host : domain, domain == null, path == null ? defaultPath(uri) : path,
                maxAge != null ? maxAge : expires, secure, httpOnly);
    }

    /** RFC 6265 §5.1.3: {@code host} is {@code domain} or a name below it (an IP address only itself). */
    static boolean domainMatches(String host, String domain) {
        if (host.equals(domain)) {
            return true;
        }
        boolean ip = host.startsWith("[") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
        return !ip && host.endsWith(domain) && host.charAt(host.length() - domain.length() - 1) == '.';
    }

    /** RFC 6265 §5.1.4: the request path up to its last '/', or "/". */
    static String defaultPath(URI uri) {
        String p = uri.getRawPath();
        if (p == null || !p.startsWith("/") || p.lastIndexOf('/') == 0) {
            return "/";
        }
        return p.substring(0, p.lastIndexOf('/'));
    }

    /** RFC 6265 §5.1.4: {@code requestPath} is this cookie's path or below it. */
    boolean pathMatches(String requestPath) {
        String p = requestPath == null || requestPath.isEmpty() ? "/" : requestPath;
        return p.equals(path) || p.startsWith(path) && (path.endsWith("/") || p.charAt(path.length()) == '/');
    }

    /** Whether it is to be sent with a request to {@code uri} at {@code now}. */
    boolean sendsTo(URI uri, Instant now) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return (hostOnly ? host.equals(domain) : domainMatches(host, domain)) && pathMatches(uri.getRawPath())
                && (!secure || "https".equalsIgnoreCase(uri.getScheme())) && !expiredAt(now);
    }

    boolean expiredAt(Instant now) {
        return expires != null && !expires.isAfter(now);
    }

    private static Instant maxAge(String v, Instant now) {
        try {
            long seconds = Long.parseLong(v);
            // whole seconds, as the jar file keeps them; RFC 6265bis caps a cookie's life at 400 days
            return seconds <= 0 ? Instant.EPOCH : now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(Math.min(seconds, 400L * 24 * 3600));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant date(String v) {
        for (DateTimeFormatter f : new DateTimeFormatter[] {DateTimeFormatter.RFC_1123_DATE_TIME, DASHED}) {
            try {
                return ZonedDateTime.parse(v, f).toInstant();
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        return null; // an Expires we cannot read: a session cookie, as browsers keep it
    }
}
