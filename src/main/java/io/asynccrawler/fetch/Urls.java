package io.asynccrawler.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** URL facts the policy needs: which URLs are fetched and in what form, origins, default ports, a form safe to log. */
public final class Urls {
    private Urls() {
    }

    /** Why a URL text is not fetched; {@link #words()} is how a list line's error says it. */
    public enum Refusal {
        /** A host name IDNA refuses (an empty label, one too long). */
        BAD_HOST_NAME("not a valid host name"),
        UNREADABLE("not a valid URL"),
        NOT_HTTP("not an http(s) URL"),
        NO_HOST("URL without a host"),
        BAD_PORT("port out of range (0-65535)");

        private final String words;

        Refusal(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** A URL admitted in its normal form ({@link #uri()}), or the reason it is not ({@link #refusal()}). */
    public record Admission(URI uri, Refusal refusal) {
        public boolean admitted() {
            return uri != null;
        }

        static Admission refused(Refusal refusal) {
            return new Admission(null, refusal);
        }
    }

    /**
     * The one gate every URL passes before it is fetched, whether a list line, a redirect's
     * Location or (later) a link: {@code text} in ASCII (an IDN host as {@code xn--}, other
     * non-ASCII percent-encoded as UTF-8, a numeric host as dotted IPv4), resolved against {@code
     * base} when it is relative, then refused unless it is http(s) with a host and a port in range.
     * An admitted URL is in the form duplicates are compared in: lower-case scheme and host, no
     * default port, no dot segments, no fragment, at least "/" as its path.
     *
     * @param base the URL {@code text} is relative to, or null when it must be absolute
     */
    public static Admission admit(String text, URI base) {
        String ascii;
        try {
            ascii = AsciiUrl.of(text);
        } catch (IllegalArgumentException e) {
            return Admission.refused(Refusal.BAD_HOST_NAME);
        }
        int hash = ascii.indexOf('#');
        if (hash >= 0 && ascii.indexOf('#', hash + 1) > 0) {
            // A fragment holding another '#' (p?q=1#a#b) is no valid URI, yet browsers and curl
            // fetch it: the fragment is never sent, so it goes whole, from the first '#'.
            ascii = ascii.substring(0, hash + 1);
        }
        URI uri;
        try {
            uri = new URI(ascii);
        } catch (URISyntaxException | NumberFormatException e) {
            // java.net.URI throws NumberFormatException for an IPv6 literal whose IPv4 tail overflows an int
            return Admission.refused(Refusal.UNREADABLE);
        }
        if (base != null) {
            uri = resolve(base, uri);
            ascii = uri.toString(); // resolved: mostly in normal form already (dot segments gone)
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            return Admission.refused(Refusal.NOT_HTTP);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Admission.refused(Refusal.NO_HOST);
        }
        if (uri.getPort() > 65535) {
            return Admission.refused(Refusal.BAD_PORT);
        }
        return new Admission(normalize(uri, ascii), null);
    }

    /**
     * {@code reference} resolved against {@code base} as RFC 3986 §5.2.2 says. java.net.URI follows
     * RFC 2396, which drops the base's last segment for a query alone: {@code ?page=2} against
     * {@code /list.html} is {@code /?page=2} there, and {@code /list.html?page=2} in browsers.
     */
    private static URI resolve(URI base, URI reference) {
        boolean onlyQueryOrFragment = reference.getScheme() == null && reference.getRawAuthority() == null
                && (reference.getRawPath() == null || reference.getRawPath().isEmpty());
        if (!onlyQueryOrFragment || reference.getRawQuery() == null) {
            return base.resolve(reference);
        }
        String text = base.toString();
        int end = text.length();
        if (base.getRawFragment() != null) {
            end -= base.getRawFragment().length() + 1;
        }
        if (base.getRawQuery() != null) {
            end -= base.getRawQuery().length() + 1;
        }
        return URI.create(text.substring(0, end) + "?" + reference.getRawQuery());
    }

    /**
     * {@code uri} (absolute http(s), with a host) in normal form; {@code uri} itself when it is in
     * that form already (its text, {@code given}, equals the normal form), which saves parsing it
     * twice (a page's links: parsing again was 45% of admitting one, JDK API docs, bench/NOTES.md).
     */
    private static URI normalize(URI uri, String given) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
            port = -1;
        }
        StringBuilder s = new StringBuilder(scheme).append("://");
        if (uri.getRawUserInfo() != null) {
            s.append(uri.getRawUserInfo()).append('@');
        }
        s.append(uri.getHost().toLowerCase(Locale.ROOT));
        if (port != -1) {
            s.append(':').append(port);
        }
        s.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : UrlPaths.removeDotSegments(canonicalEscapes(uri.getRawPath())));
        if (uri.getRawQuery() != null) {
            s.append('?').append(canonicalEscapes(uri.getRawQuery()));
        }
        return given != null && given.contentEquals(s) ? uri : URI.create(s.toString());
    }

    /**
     * {@code raw} with its percent-escapes in one form (RFC 3986 §6.2.2): an escaped unreserved
     * character decoded ({@code %7E} is {@code ~}, {@code %41} is {@code A}), every other escape in
     * upper-case hex ({@code %2f} is {@code %2F}), so that the spellings of one URL are one URL. A
     * dot stays escaped: {@code %2e%2e} decoded would become a dot segment, a path of another
     * meaning than the one the server was asked for.
     */
    static String canonicalEscapes(String raw) {
        int percent = raw.indexOf('%');
        if (percent < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length()).append(raw, 0, percent);
        for (int i = percent; i < raw.length(); i++) {
            char c = raw.charAt(i);
            int hi = c == '%' && i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int lo = hi < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
            if (lo < 0) {
                out.append(c);
                continue;
            }
            char decoded = (char) (hi * 16 + lo);
            if (UrlPaths.unreserved(decoded) && decoded != '.') {
                out.append(decoded);
            } else {
                out.append('%').append(Character.toUpperCase(raw.charAt(i + 1))).append(Character.toUpperCase(raw.charAt(i + 2)));
            }
            i += 2;
        }
        return out.toString();
    }

    /** The port, with the scheme's default filled in. */
    public static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /**
     * A URL host as InetAddress reads it: an IPv6 zone is written {@code %25} in a URL (RFC 6874,
     * {@code http://[fe80::1%25eth0]/}) and {@code %} to InetAddress. Anything else as it is.
     */
    public static String zoneForInetAddress(String host) {
        return host.startsWith("[") && host.contains("%25") ? host.replace("%25", "%") : host;
    }

    /** Same scheme, host and port: the unit credentials and pooled connections belong to. */
    public static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    /** {@code scheme://host:port}, lower case. */
    public static String origin(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port(uri);
    }

    /** The URL with any password in its user-info replaced, for logs and reports. */
    public static String redact(URI uri) {
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null) {
            return uri.toString();
        }
        int colon = userInfo.indexOf(':');
        String shown = colon < 0 ? userInfo : userInfo.substring(0, colon) + ":***";
        return uri.toString().replaceFirst("//" + Pattern.quote(userInfo) + "@", "//" + Matcher.quoteReplacement(shown) + "@");
    }

    /** The URL as sent on the wire: no user-info, no fragment. */
    public static URI withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null && uri.getRawFragment() == null) {
            return uri;
        }
        StringBuilder s = new StringBuilder(uri.getScheme()).append("://").append(uri.getRawAuthority().substring(
                uri.getRawUserInfo() == null ? 0 : uri.getRawUserInfo().length() + 1));
        if (uri.getRawPath() != null) {
            s.append(uri.getRawPath());
        }
        if (uri.getRawQuery() != null) {
            s.append('?').append(uri.getRawQuery());
        }
        return URI.create(s.toString());
    }
}
