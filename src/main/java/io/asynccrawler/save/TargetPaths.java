package io.asynccrawler.save;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Maps a URL (or a path given in the input list) to a safe path relative to the output directory:
 * {@code host[_port]/path}, {@code index.html} for a directory, the query kept in a stable form.
 * Every segment is sanitised, so the result never climbs out of the output directory.
 */
public final class TargetPaths {
    /** Bytes per name: file systems allow 255; leave room for {@code ~NN} and {@code .part}. */
    static final int MAX_NAME_BYTES = 200;
    /** Directory levels kept; deeper paths are folded into the last name. */
    static final int MAX_DEPTH = 32;
    private static final String INDEX = "index.html";
    /**
     * Endings of the names FileSink and PartMeta give a download in progress ({@code NAME.part},
     * {@code NAME.part.meta}): no final name may end so, or URL /a.part would publish over /a's part file.
     */
    private static final String[] WORK_FILE_ENDINGS = {".part", ".part.meta"};
    private static final Set<String> RESERVED = Set.of("con", "prn", "aux", "nul",
            "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private TargetPaths() {
    }

    /** The default layout for {@code uri}: {@code host[_port]/decoded/path[@query]}. */
    public static Path forUrl(URI uri) {
        List<String> segments = new ArrayList<>();
        segments.add(hostDirectory(uri));
        String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
        String[] parts = rawPath.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            boolean last = i == parts.length - 1;
            if (parts[i].isEmpty() && !last) {
                continue; // "//" and the leading "/" add no level
            }
            segments.add(parts[i].isEmpty() ? INDEX : decode(parts[i]));
        }
        if (segments.size() == 1) {
            segments.add(INDEX);
        }
        if (uri.getRawQuery() != null) {
            int lastIndex = segments.size() - 1;
            segments.set(lastIndex, segments.get(lastIndex) + "@" + decode(uri.getRawQuery()));
        }
        return join(segments);
    }

    /** A path given in the input's second column, sanitised the same way ({@code /}-separated, relative). */
    public static Path forExplicit(String given) {
        List<String> segments = new ArrayList<>();
        for (String part : given.replace('\\', '/').split("/")) {
            if (!part.isEmpty() && !part.equals(".")) {
                segments.add(part);
            }
        }
        if (segments.isEmpty()) {
            segments.add("_");
        }
        return join(segments);
    }

    private static String hostDirectory(URI uri) {
        String host = uri.getHost() == null ? "_" : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equalsIgnoreCase(uri.getScheme()) && port == 80)
                || ("https".equalsIgnoreCase(uri.getScheme()) && port == 443);
        return defaultPort ? host : host + "_" + port;
    }

    private static Path join(List<String> segments) {
        if (segments.size() > MAX_DEPTH) {
            List<String> folded = new ArrayList<>(segments.subList(0, MAX_DEPTH - 1));
            folded.add(String.join("_", segments.subList(MAX_DEPTH - 1, segments.size())));
            segments = folded;
        }
        String first = sanitize(segments.get(0));
        String[] rest = new String[segments.size() - 1];
        for (int i = 1; i < segments.size(); i++) {
            rest[i - 1] = sanitize(segments.get(i));
        }
        return Paths.get(first, rest);
    }

    /**
     * One path segment made safe: no separators, controls, bidi marks, dot names, reserved names, or
     * names ending like a part file ({@code a.part} becomes {@code a.part_}).
     */
    static String sanitize(String segment) {
        String name = plainAscii(segment) ? segment : replaceUnsafe(segment);
        while (name.endsWith(".") || name.endsWith(" ")) { // Windows drops these; "." and ".." end here too
            name = name.substring(0, name.length() - 1) + "_";
        }
        if (name.isEmpty()) {
            name = "_";
        }
        String base = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (RESERVED.contains(base.toLowerCase(Locale.ROOT))) {
            name = "_" + name;
        }
        if (endsLikeWorkFile(name)) {
            name = name + "_";
        }
        return shorten(name); // a shortened name ends in its hash, never like a part file
    }

    /** Case-insensitive, since the output may be on a file system that folds case. */
    private static boolean endsLikeWorkFile(String name) {
        for (String ending : WORK_FILE_ENDINGS) {
            if (name.regionMatches(true, name.length() - ending.length(), ending, 0, ending.length())) {
                return true;
            }
        }
        return false;
    }

    /** Whether every character is printable ASCII that {@link #unsafe} lets through (most names): nothing to replace. */
    private static boolean plainAscii(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c < 0x20 || c >= 0x7f || UNSAFE_PRINTABLE[c]) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #unsafe} of each printable ASCII character, looked up: the Unicode tests it ends with
     * took a tenth of the list reader's time per URL, and no printable ASCII character needs them.
     */
    private static final boolean[] UNSAFE_PRINTABLE = new boolean[0x7f];

    static {
        for (char c = 0x20; c < 0x7f; c++) {
            UNSAFE_PRINTABLE[c] = unsafe(c);
        }
    }

    private static String replaceUnsafe(String segment) {
        StringBuilder out = new StringBuilder(segment.length());
        segment.codePoints().forEach(c -> out.appendCodePoint(unsafe(c) ? '_' : c));
        return out.toString();
    }

    private static boolean unsafe(int c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)
                || c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' || c == '>' || c == '|'
                || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                || c == 0xfeff || Character.getType(c) == Character.SURROGATE || !Character.isDefined(c);
    }

    /** Cuts a name that is too long for a file system, keeping it distinct by a hash of the whole. */
    private static String shorten(String name) {
        if (name.length() * 3 <= MAX_NAME_BYTES) {
            return name; // UTF-8 takes at most 3 bytes per UTF-16 char
        }
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= MAX_NAME_BYTES) {
            return name;
        }
        String suffix = "~" + String.format("%08x", name.hashCode());
        StringBuilder cut = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            int n = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > MAX_NAME_BYTES - suffix.length()) {
                break;
            }
            cut.appendCodePoint(c);
            bytes += n;
            i += Character.charCount(c);
        }
        return cut + suffix;
    }

    /** Percent-decodes a URL segment as UTF-8; malformed escapes stay as written. */
    static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); ) {
            int c = raw.codePointAt(i);
            if (c == '%' && i + 2 < raw.length()
                    && Character.digit(raw.charAt(i + 1), 16) >= 0 && Character.digit(raw.charAt(i + 2), 16) >= 0) {
                out.write(Integer.parseInt(raw, i + 1, i + 3, 16));
                i += 3;
            } else {
                out.writeBytes(new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
