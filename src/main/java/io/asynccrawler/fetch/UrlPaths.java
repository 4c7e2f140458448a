package io.asynccrawler.fetch;

import java.net.URI;

/**
 * URL paths on the string: RFC 3986's dot-segment removal, and the resolution of a plain relative
 * path against a base in normal form, which spares a crawl's links java.net.URI's parse and
 * resolve ({@link Urls#admit} is the gate they stand for).
 */
public final class UrlPaths {
    private UrlPaths() {
    }

    /**
     * A base URL in normal form, taken apart once for the plain paths resolved against it (a
     * page's links): its scheme and authority ({@code http://h:8080}), and its path's directory
     * (up to its last '/', before any query).
     */
    public record PlainBase(String prefix, String directory) {
        /** {@code base}'s parts, or null when paths are not resolved on its string (it has user-info, or no path). */
        public static PlainBase of(URI base) {
            if (base.getRawUserInfo() != null) {
                return null;
            }
            String text = base.toString();
            int pathStart = text.indexOf('/', text.indexOf("://") + 3); // the authority holds no '/'
            if (pathStart < 0) {
                return null;
            }
            int pathEnd = base.getRawQuery() == null ? text.length() : text.indexOf('?', pathStart);
            return new PlainBase(text.substring(0, pathStart), text.substring(pathStart, text.lastIndexOf('/', pathEnd - 1) + 1));
        }
    }

    /**
     * {@link Urls#admit}'s answer for the commonest link, a relative or absolute path of plain
     * characters (letters, digits, {@code -._~/}) against {@code base} in normal form (an admitted
     * URL) without user-info: the normal form's text, resolved and normalized on the string, where
     * admit parses the reference, resolves it and reads the result again (most of reading a page's
     * links: bench/NOTES.md). Null when {@code reference} is not such a path: ask admit.
     */
    public static String resolvePlainPath(String reference, URI base) {
        PlainBase parts = PlainBase.of(base);
        return parts == null ? null : resolvePlainPath(reference, parts);
    }

    /** As {@link #resolvePlainPath(String, URI)}, against a base taken apart once for all its links. */
    public static String resolvePlainPath(String reference, PlainBase base) {
        int n = reference.length();
        if (n == 0 || reference.startsWith("//")) {
            return null;
        }
        for (int i = 0; i < n; i++) {
            char c = reference.charAt(i);
            if (!(unreserved(c) || c == '/')) {
                return null;
            }
        }
        if (reference.charAt(0) == '/') {
            return base.prefix() + removeDotSegments(reference);
        }
        // The leading "./" and "../" of a relative path (the usual "../../x.html") act on the
        // base's directory directly; a path with dot segments further on is merged and scanned whole.
        String directory = base.directory();
        int end = directory.length(); // directory[0, end) ends in '/'
        int i = 0;
        while (true) {
            if (reference.startsWith("../", i) || (i + 2 == n && reference.startsWith("..", i))) {
                end = end == 1 ? 1 : directory.lastIndexOf('/', end - 2) + 1; // never above the root
                i = Math.min(n, i + 3);
            } else if (reference.startsWith("./", i) || (i + 1 == n && reference.charAt(i) == '.')) {
                i = Math.min(n, i + 2);
            } else {
                break;
            }
        }
        if (reference.startsWith(".", i) || reference.indexOf("/.", i) >= 0) {
            return base.prefix() + removeDotSegments(directory + reference);
        }
        return new StringBuilder(base.prefix().length() + end + n - i).append(base.prefix()).append(directory, 0, end)
                .append(reference, i, n).toString();
    }

    /** RFC 3986's unreserved characters: ALPHA / DIGIT / "-" / "." / "_" / "~". */
    static boolean unreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_'
                || c == '~';
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
        // The segments kept, joined by '/' in out; starts[k] is where the k-th begins, so that ".."
        // drops it by cutting out back (a char scan: split and a deque were half of resolving a link).
        boolean absolute = path.charAt(0) == '/';
        int n = path.length();
        StringBuilder out = new StringBuilder(n);
        int[] starts = new int[n + 1];
        int kept = 0;
        for (int i = absolute ? 1 : 0; ; ) {
            int slash = path.indexOf('/', i);
            int end = slash < 0 ? n : slash;
            boolean dot = end - i == 1 && path.charAt(i) == '.';
            boolean dotDot = end - i == 2 && path.charAt(i) == '.' && path.charAt(i + 1) == '.';
            if (dotDot && kept > 0) {
                kept--;
                out.setLength(kept == 0 ? 0 : starts[kept] - 1);
            }
            if (!(dot || dotDot) || slash < 0) { // a segment, or "" where the path ends in a dot segment: "/a/b/.." is "/a/"
                if (kept > 0) {
                    out.append('/');
                }
                starts[kept++] = out.length();
                out.append(path, dot || dotDot ? end : i, end);
            }
            if (slash < 0) {
                return absolute ? "/" + out : out.toString();
            }
            i = slash + 1;
        }
    }
}
