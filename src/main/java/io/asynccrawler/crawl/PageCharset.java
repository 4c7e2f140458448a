package io.asynccrawler.crawl;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The bytes of an HTML page made ready for {@link HtmlTags}: in the charset a browser would read it
 * in (a byte order mark, else the response's charset, else a {@code <meta>} or XML declaration
 * near the start, else UTF-8, as jsoup and HTML's sniffing do), and, when that charset does not
 * keep ASCII's bytes (UTF-16, UTF-32, EBCDIC), turned into UTF-8 first.
 */
final class PageCharset {
    /** HTML's prescan looks at 1,024 bytes; jsoup reads further, so do we: a long head of scripts is common. */
    private static final int PRESCAN = 5 * 1024;
    private static final String PROBE = "<>=\"'/!-?& abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final byte[] bytes;
    private final int offset;
    private final int length;
    private final Charset charset;

    private PageCharset(byte[] bytes, int offset, int length, Charset charset) {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
        this.charset = charset;
    }

    /** The page's bytes (those from {@link #offset()}, {@link #length()} of them, are the page). */
    byte[] bytes() {
        return bytes;
    }

    int offset() {
        return offset;
    }

    int length() {
        return length;
    }

    /** The charset the bytes are in: one that keeps ASCII's bytes. */
    Charset charset() {
        return charset;
    }

    /** {@code page} as read, {@code headerCharset} the response's (null if none or unknown). */
    static PageCharset of(byte[] page, Charset headerCharset) {
        Charset bom = bom(page);
        int skip = bom == null ? 0 : bom.equals(StandardCharsets.UTF_8) ? 3 : 2;
        Charset charset = bom != null ? bom : headerCharset != null ? headerCharset : declared(page);
        if (charset == null) {
            charset = StandardCharsets.UTF_8;
        }
        if (asciiCompatible(charset)) {
            return new PageCharset(page, skip, page.length - skip, charset);
        }
        byte[] utf8 = new String(page, skip, page.length - skip, charset).getBytes(StandardCharsets.UTF_8);
        return new PageCharset(utf8, 0, utf8.length, StandardCharsets.UTF_8);
    }

    private static Charset bom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    /** The charset a {@code <meta>} or an XML declaration in the page's first bytes names, or null. */
    private static Charset declared(byte[] page) {
        String[] found = new String[1];
        HtmlTags.read(page, 0, Math.min(page.length, PRESCAN), StandardCharsets.ISO_8859_1, new HtmlTags.Visitor() {
            @Override
            public void tag(Tag tag) {
                if (tag.name().equals("meta")) {
                    String charset = tag.attr("charset");
                    String equiv = tag.attr("http-equiv");
                    if (charset == null && equiv != null && equiv.equalsIgnoreCase("content-type")) {
                        charset = LinkExtractor.charsetParameter(tag.attr("content"));
                    }
                    found[0] = charset != null && !charset.isBlank() ? charset : null;
                }
            }

            @Override
            public void styleText(String css) {
            }

            @Override
            public boolean full() {
                return found[0] != null;
            }
        });
        String name = found[0] != null ? found[0] : xmlEncoding(page);
        Charset charset = forName(name);
        // A page in UTF-16 could not have been read this far as ASCII: HTML reads such a meta as UTF-8
        return charset != null && !asciiCompatible(charset) ? StandardCharsets.UTF_8 : charset;
    }

    /** The encoding of a leading {@code <?xml ... encoding="..."?>}, or null. */
    private static String xmlEncoding(byte[] page) {
        String start = new String(page, 0, Math.min(page.length, 200), StandardCharsets.ISO_8859_1);
        if (!start.startsWith("<?xml")) {
            return null;
        }
        int end = start.indexOf("?>");
        String decl = end < 0 ? start : start.substring(0, end);
        int at = decl.indexOf("encoding");
        if (at < 0) {
            return null;
        }
        String rest = decl.substring(at + "encoding".length()).replaceFirst("^\\s*=\\s*", "");
        if (!rest.isEmpty() && (rest.charAt(0) == '"' || rest.charAt(0) == '\'')) {
            rest = rest.substring(1);
        }
        return rest.split("[\"'\\s?]", 2)[0];
    }

    static Charset forName(String name) {
        if (name == null) {
            return null;
        }
        try {
            return Charset.forName(name.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    /** Whether {@code charset} writes the characters of markup as ASCII does (UTF-8, Latin-1, Shift_JIS...). */
    static boolean asciiCompatible(Charset charset) {
        return charset.canEncode() && Arrays.equals(PROBE.getBytes(charset), PROBE.getBytes(StandardCharsets.US_ASCII));
    }
}
