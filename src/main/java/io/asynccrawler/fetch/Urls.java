package io.asynccrawler.fetch;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** URL facts the policy needs: origins, default ports, and a form safe to log. */
public final class Urls {
    private Urls() {
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

    /**
     * RFC 3986 §5.2.4 remove_dot_segments on a raw path: {@code /a/./b/../c} is {@code /a/c}, and
     * ".." never climbs above the root ({@code /../../x} is {@code /x}), as curl, wget and browsers
     * send it. Encoded dots ({@code %2e}) are data, not segments.
     */
    public static String removeDotSegments(String path) {
        if (path == null || path.isEmpty() || (!path.contains("/.") && !path.startsWith("."))) {
            return path;
        }
        ArrayDeque<String> out = new ArrayDeque<>();
        String[] segments = path.split("/", -1);
        boolean absolute = path.startsWith("/");
        for (int i = absolute ? 1 : 0; i < segments.length; i++) {
            String seg = segments[i];
            boolean last = i == segments.length - 1;
            if (seg.equals(".") || seg.equals("..")) {
                if (seg.equals("..")) {
                    out.pollLast();
                }
                if (last) {
                    out.addLast(""); // "/a/b/.." ends in a directory: "/a/"
                }
            } else {
                out.addLast(seg);
            }
        }
        return (absolute ? "/" : "") + String.join("/", out);
    }
}
