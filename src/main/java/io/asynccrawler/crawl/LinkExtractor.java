package io.asynccrawler.crawl;

import io.asynccrawler.fetch.Urls;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a saved page for its links: HTML ({@code text/html}, {@code application/xhtml+xml}) and
 * CSS ({@code text/css}); anything else has none. Pages are read from their file once it is
 * complete, off the event loop, so the fetch path stays one for every body. Bounded: a page larger
 * than {@code maxPageBytes} is not parsed (the whole page is in memory while it is), and at most
 * {@code maxLinks} links are taken from one page.
 */
public final class LinkExtractor {
    /** As wget2's default: larger pages are mostly generated data, not navigation. */
    public static final long DEFAULT_MAX_PAGE_BYTES = 10L << 20;
    /** A page with more links than this is a trap or a data dump; a real index page has a few thousand. */
    public static final int DEFAULT_MAX_LINKS = 20_000;

    private final long maxPageBytes;
    private final int maxLinks;
    private final KnownUrls known = new KnownUrls();

    public LinkExtractor(long maxPageBytes, int maxLinks) {
        this.maxPageBytes = maxPageBytes;
        this.maxLinks = maxLinks;
    }

    /** What the response's {@code Content-Type} makes of a body: an HTML page, a style sheet, or neither. */
    enum Type {
        HTML, CSS, OTHER;

        static Type of(String contentType) {
            String media = mediaType(contentType);
            switch (media) {
                case "text/html":
                case "application/xhtml+xml":
                    return HTML;
                case "text/css":
                    return CSS;
                default:
                    return OTHER;
            }
        }
    }

    /**
     * Why a page of {@code bytes} and {@code contentType} will not be read for links although it is
     * a page (larger than the page size limit), for its result; null if it will be, or is no page.
     */
    public String unreadNote(String contentType, long bytes) {
        return bytes > maxPageBytes && readsLinks(contentType)
                ? "links not read: " + bytes + " bytes, larger than --max-page-size " + maxPageBytes : null;
    }

    /** Whether a body of {@code contentType} is read for links. */
    public static boolean readsLinks(String contentType) {
        return Type.of(contentType) != Type.OTHER;
    }

    /**
     * The links of the page saved in {@code file}, fetched from {@code url} with {@code
     * contentType} (its charset, if it names one, wins over what the page says). Blocking: reads
     * the file.
     */
    public PageLinks extract(Path file, String contentType, URI url) throws IOException {
        Type type = Type.of(contentType);
        if (type == Type.OTHER) {
            return PageLinks.unread(PageLinks.Read.NOT_A_PAGE);
        }
        if (Files.size(file) > maxPageBytes) {
            return PageLinks.unread(PageLinks.Read.TOO_LARGE);
        }
        Charset charset = charset(contentType);
        // in normal form, as the links resolved on the string (UrlPaths.resolvePlainPath) take its text for theirs
        Urls.Admission page = Urls.admit(url.toString(), null);
        LinkCollector out = new LinkCollector(page.admitted() ? page.uri() : url, maxLinks, known);
        if (type == Type.CSS) {
            byte[] bytes = Files.readAllBytes(file);
            String css = (charset != null ? charset : StandardCharsets.UTF_8).newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            CssLinks.collect(css, out, "css");
            return out.result(false, false);
        }
        return HtmlLinks.collect(PageCharset.of(Files.readAllBytes(file), charset), out);
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** The charset {@code contentType} names, or null if none or one this JVM does not know. */
    static Charset charset(String contentType) {
        return PageCharset.forName(charsetParameter(contentType));
    }

    /** The {@code charset} parameter of a media type ({@code text/html; charset="utf-8"}), or null. */
    static String charsetParameter(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String param : contentType.split(";")) {
            String p = param.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                return p.substring("charset=".length()).strip().replace("\"", "").replace("'", "");
            }
        }
        return null;
    }
}
