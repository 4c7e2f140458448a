package io.asynccrawler.crawl;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The names {@link HtmlTags} reads from a page's bytes: tag names, the attributes {@link HtmlLinks} reads (the others, such as class, id and title, are parsed past),
 * and the elements whose text is not markup.
 */
final class HtmlNames {
    // The attributes HtmlLinks reads, by first letter (no varargs: C1 would make an array a call).
    private static final String[] H = {"href", "http-equiv"};
    private static final String[] S = {"src", "srcset", "style"};
    private static final String[] R = {"rel"};
    private static final String[] P = {"poster"};
    private static final String[] D = {"data"};
    private static final String[] T = {"type"};
    private static final String[] C = {"content", "charset"};
    private static final String[] N = {"name"};
    private static final String[] B = {"background"};
    /** Elements whose text runs to their end tag, markup or not (HTML's raw text and RCDATA elements). */
    private static final String[] RAW_TEXT = {"script", "style", "textarea", "title", "iframe", "noembed", "noframes", "xmp"};
    private static final byte[][] RAW_TEXT_BYTES = bytes(RAW_TEXT);
    /**
     * Tag names given as these constants, not made anew for each tag: the elements a link is in,
     * those whose text is not markup, and the commonest others (4.65 million tags in the JDK's API
     * docs, a string and its array each).
     */
    private static final String[] COMMON_TAGS = {"a", "abbr", "area", "article", "aside", "audio", "b", "base", "blockquote",
        "body", "br", "button", "caption", "code", "col", "dd", "details", "div", "dl", "dt", "em", "embed", "figure", "footer",
        "form", "frame", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "i", "iframe", "img", "input",
        "label", "li", "link", "main", "meta", "nav", "noembed", "noframes", "noscript", "object", "ol", "option", "p",
        "picture", "plaintext", "pre", "script", "section", "select", "small", "source", "span", "strong", "style", "sub",
        "summary", "sup", "svg", "table", "tbody", "td", "textarea", "th", "thead", "title", "tr", "track", "u", "ul", "var",
        "video", "wbr", "xmp"};
    private static final String[][][] KNOWN_TAGS = knownTags();

    private HtmlNames() {
    }

    /** The tag name in {@code b[start, end)}, lower-cased. */
    static String tag(byte[] b, int start, int end) {
        int length = end - start;
        int first = b[start] | 0x20;
        if (length < KNOWN_TAGS.length && first >= 'a' && first <= 'z') {
            String[] candidates = KNOWN_TAGS[length][first - 'a'];
            if (candidates != null) {
                for (String known : candidates) {
                    if (sameName(b, start, known)) {
                        return known;
                    }
                }
            }
        }
        // one byte a character: a Latin-1 string is made by copying the array, where one made
        // from chars is compressed to bytes again (a tenth of reading tags, C1)
        byte[] lower = new byte[length];
        for (int k = start; k < end; k++) {
            byte c = b[k];
            lower[k - start] = c >= 'A' && c <= 'Z' ? (byte) (c + 32) : c;
        }
        return new String(lower, StandardCharsets.ISO_8859_1);
    }

    /** The attribute name in {@code b[start, end)} if it is one {@link HtmlLinks} reads, lower-cased, else null. */
    static String kept(byte[] b, int start, int end) {
        switch (b[start] | 0x20) {
            case 'h':
                return named(b, start, end, H);
            case 's':
                return named(b, start, end, S);
            case 'r':
                return named(b, start, end, R);
            case 'p':
                return named(b, start, end, P);
            case 'd':
                return named(b, start, end, D);
            case 't':
                return named(b, start, end, T);
            case 'c':
                return named(b, start, end, C);
            case 'n':
                return named(b, start, end, N);
            case 'b':
                return named(b, start, end, B);
            default:
                return null;
        }
    }

    /** The lower-case bytes of {@code tag}'s name if its text is not markup, else null. */
    static byte[] rawText(String tag) {
        // by the first letter: most tags (a, div, span, li, code) start with none of these, and
        // eight calls of equals a tag were most of this under C1
        switch (tag.isEmpty() ? 0 : tag.charAt(0)) {
            case 's':
            case 't':
            case 'i':
            case 'n':
            case 'x':
                for (int k = 0; k < RAW_TEXT.length; k++) {
                    if (RAW_TEXT[k].equals(tag)) {
                        return RAW_TEXT_BYTES[k];
                    }
                }
                return null;
            default:
                return null;
        }
    }

    /**
     * Whether the bytes at {@code at} spell {@code lower} (ASCII letters, digits and '-') in any
     * case: setting bit 0x20 lower-cases a letter and leaves those others as they are.
     */
    static boolean equalsIgnoreCase(byte[] b, int at, String lower) {
        for (int k = 0; k < lower.length(); k++) {
            if ((b[at + k] | 0x20) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** As {@link #equalsIgnoreCase(byte[], int, String)}, for a name given as bytes (the caller checks the length). */
    static boolean equalsIgnoreCase(byte[] b, int at, byte[] lower) {
        for (int k = 0; k < lower.length; k++) {
            if ((b[at + k] | 0x20) != lower[k]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the bytes at {@code at} spell {@code lower} (ASCII letters and digits), letters in any case. */
    private static boolean sameName(byte[] b, int at, String lower) {
        for (int k = 0; k < lower.length(); k++) {
            int c = b[at + k];
            char l = lower.charAt(k);
            if (c != l && (l < 'a' || c != l - 32)) {
                return false;
            }
        }
        return true;
    }

    /** {@link #COMMON_TAGS} by length, then first letter: the one or two to compare a name with. */
    private static String[][][] knownTags() {
        int longest = 0;
        for (String name : COMMON_TAGS) {
            longest = Math.max(longest, name.length());
        }
        String[][][] table = new String[longest + 1][26][];
        for (String name : COMMON_TAGS) {
            String[] was = table[name.length()][name.charAt(0) - 'a'];
            String[] now = was == null ? new String[1] : Arrays.copyOf(was, was.length + 1);
            now[now.length - 1] = name;
            table[name.length()][name.charAt(0) - 'a'] = now;
        }
        return table;
    }

    private static String named(byte[] b, int start, int end, String[] names) {
        for (String name : names) {
            if (name.length() == end - start && equalsIgnoreCase(b, start, name)) {
                return name;
            }
        }
        return null;
    }

    private static byte[][] bytes(String[] names) {
        byte[][] out = new byte[names.length][];
        for (int k = 0; k < names.length; k++) {
            out[k] = names[k].getBytes(StandardCharsets.US_ASCII);
        }
        return out;
    }
}
