package io.asynccrawler.crawl;

import java.nio.charset.Charset;
import org.jsoup.parser.Parser;

/**
 * The start tags of an HTML page, read from its bytes as HTML's tokenizer reads them, without a
 * tree: a crawler needs a tag's name and a few attributes, in document order, and the text of
 * {@code <style>}. Comments, doctypes, processing instructions and end tags are stepped over; the
 * text of {@code script}, {@code style}, {@code textarea}, {@code title}, {@code iframe},
 * {@code noembed}, {@code noframes} and {@code xmp} is not markup (it runs to its end tag), and
 * {@code plaintext} runs to the end. Only attributes a link can be in are kept, their character
 * references decoded (jsoup's table) and their bytes decoded in the page's charset, which must keep
 * ASCII's bytes for ASCII's characters ({@link PageCharset} makes sure of it).
 * Why not jsoup's parser: its tree cost three times the CPU of this whole crawl (the JDK's API
 * docs, 10,137 pages: 31 s of CPU, 18.6 s; with this reader 10 s, 6.7 s: bench/NOTES.md), while tags
 * in order are all a crawler needs. jsoup stays the reference: HtmlTagsTest checks every page of
 * Python's docs, and pages written to trip a tokenizer, give the links jsoup's tree gives.
 */
final class HtmlTags {
    /** Hears the tags in document order; {@link #full()} stops the reading. */
    interface Visitor {
        /** A start tag, read whole; the reader uses the object again for the next, so it is the visitor's during the call only. */
        void tag(Tag tag);

        void styleText(String css);

        boolean full();
    }

    private static final int SPACE = 1;
    private static final int SLASH = 2;
    private static final int GT = 4;
    private static final int EQUALS = 8;
    private static final byte[] CLASSES = classes();

    private final byte[] b;
    private final int n;
    private final Charset charset;
    /** The one start tag given to the visitor, made again for each (4.65 million in the JDK's API docs). */
    private final Tag tag = new Tag("");
    private int i;

    private HtmlTags(byte[] page, int offset, int length, Charset charset) {
        this.b = page;
        this.i = offset;
        this.n = offset + length;
        this.charset = charset;
    }

    /** Reads {@code length} bytes of {@code page} from {@code offset}, in {@code charset} (ASCII-compatible), telling {@code visitor}. */
    static void read(byte[] page, int offset, int length, Charset charset, Visitor visitor) {
        new HtmlTags(page, offset, length, charset).run(visitor);
    }

    private void run(Visitor visitor) {
        while (i < n && !visitor.full()) {
            int lt = indexOf((byte) '<', i);
            if (lt < 0 || lt + 1 >= n) {
                return;
            }
            byte c = b[lt + 1];
            if (isLetter(c)) {
                i = lt + 1;
                Tag tag = startTag();
                if (tag != null) {
                    visitor.tag(tag);
                    rawText(tag.name(), visitor);
                }
            } else if (c == '/' && lt + 2 < n && isLetter(b[lt + 2])) {
                i = lt + 2;
                name();
                attributes(null); // an end tag's attributes are parsed, then dropped
            } else if (c == '!') {
                i = markupDeclaration(lt + 2);
            } else if (c == '?' || c == '/') {
                i = skipTo((byte) '>', lt + 1); // a bogus comment
            } else {
                i = lt + 1; // '<' as text
            }
        }
    }

    /** A start tag from {@link #i} (at its name), or null if the page ends inside it. */
    private Tag startTag() {
        Tag tag = this.tag.reset(name());
        return attributes(tag) ? tag : null;
    }

    /** The tag name from {@link #i}, lower-cased. */
    private String name() {
        byte[] b = this.b;
        int start = i;
        int end = start;
        while (end < n && !is(b[end], SPACE | SLASH | GT)) {
            end++;
        }
        i = end;
        return HtmlNames.tag(b, start, end);
    }

    /**
     * Reads attributes to the tag's '>', keeping those {@link HtmlLinks} reads into {@code tag} (the first
     * of a name wins, as in HTML); false if the page ends first.
     */
    private boolean attributes(Tag tag) {
        byte[] b = this.b; // locals, the position written back at each return
        int n = this.n;
        int i = this.i;
        while (true) {
            while (i < n && is(b[i], SPACE | SLASH)) {
                i++;
            }
            if (i >= n) {
                this.i = i;
                return false;
            }
            if (b[i] == '>') {
                this.i = i + 1;
                return true;
            }
            int nameStart = i++; // a name may start with '=', as HTML reads it
            while (i < n && !is(b[i], SPACE | SLASH | GT | EQUALS)) {
                i++;
            }
            int nameEnd = i;
            while (i < n && is(b[i], SPACE)) {
                i++;
            }
            int valueStart = -1;
            int valueEnd = -1;
            if (i < n && b[i] == '=') {
                i++;
                while (i < n && is(b[i], SPACE)) {
                    i++;
                }
                if (i < n && (b[i] == '"' || b[i] == '\'')) {
                    valueStart = i + 1;
                    valueEnd = indexOf(b[i], valueStart);
                    if (valueEnd < 0) {
                        this.i = n;
                        return false;
                    }
                    i = valueEnd + 1;
                } else {
                    valueStart = i;
                    while (i < n && !is(b[i], SPACE | GT)) {
                        i++;
                    }
                    valueEnd = i;
                }
            }
            if (tag != null) {
                keep(tag, nameStart, nameEnd, valueStart, valueEnd);
            }
        }
    }

    private void keep(Tag tag, int nameStart, int nameEnd, int valueStart, int valueEnd) {
        String kept = HtmlNames.kept(b, nameStart, nameEnd);
        if (kept != null && tag.attr(kept) == null) {
            tag.put(kept, valueStart < 0 ? "" : value(valueStart, valueEnd));
        }
    }

    /** An attribute's value: its bytes in the page's charset, character references decoded as in an attribute. */
    private String value(int start, int end) {
        String raw = new String(b, start, end - start, charset);
        return raw.indexOf('&') < 0 ? raw : Parser.unescapeEntities(raw, true);
    }

    /** After the start tag {@code name}: a raw text element's text runs to its end tag (style's is CSS to read). */
    private void rawText(String name, Visitor visitor) {
        if (name.equals("plaintext")) {
            i = n;
            return;
        }
        byte[] raw = HtmlNames.rawText(name);
        if (raw != null) {
            int start = i;
            int end = endTag(raw);
            if (name.equals("style")) {
                visitor.styleText(new String(b, start, end - start, charset));
            }
        }
    }

    /** The offset of {@code </name} (followed by space, '/' or '>') from {@link #i}, which moves past its '>'; n if none. */
    private int endTag(byte[] name) {
        int at = i;
        while (true) {
            int lt = indexOf((byte) '<', at);
            if (lt < 0 || lt + 2 + name.length > n) {
                i = n;
                return n;
            }
            int after = lt + 2 + name.length;
            if (b[lt + 1] == '/' && HtmlNames.equalsIgnoreCase(b, lt + 2, name) && (after == n || isSpace(b[after]) || b[after] == '/'
                    || b[after] == '>')) {
                i = lt + 2;
                name();
                attributes(null);
                return lt;
            }
            at = lt + 1;
        }
    }

    /** Past a {@code <!} declaration from {@code from}: a comment to its {@code -->}, CDATA to {@code ]]>}, else to '>'. */
    private int markupDeclaration(int from) {
        if (startsWith(from, "--")) {
            int text = from + 2;
            if (startsWith(text, ">")) {
                return text + 1; // <!--> ends at once
            }
            if (startsWith(text, "->")) {
                return text + 2;
            }
            int end = indexOf("-->", text);
            return end < 0 ? n : end + 3;
        }
        if (startsWith(from, "[CDATA[")) {
            int end = indexOf("]]>", from + 7);
            return end < 0 ? n : end + 3;
        }
        return skipTo((byte) '>', from);
    }

    private int skipTo(byte c, int from) {
        int at = indexOf(c, from);
        return at < 0 ? n : at + 1;
    }

    private int indexOf(byte c, int from) {
        byte[] b = this.b;
        int n = this.n;
        for (int k = from; k < n; k++) {
            if (b[k] == c) {
                return k;
            }
        }
        return -1;
    }

    private int indexOf(String s, int from) {
        byte first = (byte) s.charAt(0);
        for (int k = indexOf(first, from); k >= 0; k = indexOf(first, k + 1)) {
            if (startsWith(k, s)) {
                return k;
            }
        }
        return -1;
    }

    private boolean startsWith(int at, String s) {
        if (at + s.length() > n) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (Character.toLowerCase((char) b[at + k]) != Character.toLowerCase(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** HTML's white space in a tag: tab, line feed, form feed, carriage return, space. */
    private static boolean isSpace(byte c) {
        return is(c, SPACE);
    }

    /** Whether byte {@code c} is of one of the {@code classes}: one load from a table, where C1 would compare five times. */
    private static boolean is(byte c, int classes) {
        return (CLASSES[c & 0xff] & classes) != 0;
    }

    private static byte[] classes() {
        byte[] table = new byte[256];
        for (char c : new char[] {' ', '\n', '\t', '\r', '\f'}) {
            table[c] |= SPACE;
        }
        table['/'] |= SLASH;
        table['>'] |= GT;
        table['='] |= EQUALS;
        return table;
    }
}
