package io.asynccrawler.crawl;

import java.util.Locale;
import java.util.Set;

/**
 * The links of an HTML page, tag by tag in document order, as wget2 and browsers find them:
 * {@code a}/{@code area} href (pages), {@code link} href (stylesheets and icons are requisites,
 * {@code next} or {@code canonical} pages), {@code img}/{@code source} src and srcset,
 * {@code script} src, {@code iframe}/{@code frame} src, media, {@code embed}, {@code object} data,
 * a meta refresh, CSS in {@code <style>} and {@code style=""}. {@code <base href>} rebases what
 * follows; {@code <meta name="robots">} and {@code rel="nofollow"} mark what is not to be followed.
 */
final class HtmlLinks implements HtmlTags.Visitor {
    /** {@code link} relations that make the linked resource part of the page, not a page of its own. */
    private static final Set<String> REQUISITE_RELS = Set.of("stylesheet", "icon", "shortcut", "apple-touch-icon",
            "apple-touch-icon-precomposed", "mask-icon", "manifest", "preload", "modulepreload");

    private final LinkCollector out;
    /** The page said nofollow (so far: links before its meta are marked by the page's flag instead). */
    private boolean nofollow;
    private boolean noindex;

    HtmlLinks(LinkCollector out) {
        this.out = out;
    }

    /** The links of {@code page}, into {@code out}. */
    static PageLinks collect(PageCharset page, LinkCollector out) {
        HtmlLinks links = new HtmlLinks(out);
        HtmlTags.read(page.bytes(), page.offset(), page.length(), page.charset(), links);
        return links.result();
    }

    /** What the tags heard so far link to. */
    PageLinks result() {
        return out.result(nofollow, noindex);
    }

    @Override
    public boolean full() {
        return out.full();
    }

    @Override
    public void styleText(String css) {
        CssLinks.collect(css, out, "style");
    }

    @Override
    public void tag(Tag e) {
        switch (e.name()) {
            case "base":
                if (e.attr("href") != null) {
                    out.rebase(e.attr("href"));
                }
                break;
            case "a":
            case "area":
                attr(e, "href", Link.Kind.PAGE, nofollow || rels(e).contains("nofollow"));
                break;
            case "link":
                Set<String> rels = rels(e);
                boolean requisite = rels.stream().anyMatch(REQUISITE_RELS::contains);
                attr(e, "href", requisite ? Link.Kind.REQUISITE : Link.Kind.PAGE, nofollow || rels.contains("nofollow"));
                break;
            case "img":
            case "source":
                attr(e, "src", Link.Kind.REQUISITE, nofollow);
                srcset(e);
                break;
            case "script":
            case "iframe":
            case "frame":
            case "audio":
            case "embed":
            case "track":
                attr(e, "src", Link.Kind.REQUISITE, nofollow);
                break;
            case "video":
                attr(e, "src", Link.Kind.REQUISITE, nofollow);
                attr(e, "poster", Link.Kind.REQUISITE, nofollow);
                break;
            case "object":
                attr(e, "data", Link.Kind.REQUISITE, nofollow);
                break;
            case "input":
                if ("image".equalsIgnoreCase(e.attr("type"))) {
                    attr(e, "src", Link.Kind.REQUISITE, nofollow);
                }
                break;
            case "meta":
                meta(e);
                break;
            default:
                break;
        }
        if (e.attr("background") != null) { // body, table, td in old pages
            attr(e, "background", Link.Kind.REQUISITE, nofollow);
        }
        if (e.attr("style") != null) {
            CssLinks.collect(e.attr("style"), out, e.name() + " style");
        }
    }

    private void meta(Tag e) {
        String name = e.attr("name");
        String content = e.attr("content");
        if (name != null && name.equalsIgnoreCase("robots") && content != null) {
            String words = content.toLowerCase(Locale.ROOT);
            nofollow |= words.contains("nofollow") || words.contains("none");
            noindex |= words.contains("noindex") || words.contains("none");
        }
        String equiv = e.attr("http-equiv");
        if (equiv != null && equiv.equalsIgnoreCase("refresh") && content != null) {
            String url = refreshUrl(content);
            if (url != null) {
                out.add(url, Link.Kind.PAGE, "meta", "refresh", nofollow);
            }
        }
    }

    private void attr(Tag e, String name, Link.Kind kind, boolean nofollowed) {
        String value = e.attr(name);
        if (value != null) {
            out.add(value, kind, e.name(), name, nofollowed);
        }
    }

    private static Set<String> rels(Tag e) {
        String rel = e.attr("rel");
        rel = rel == null ? "" : rel.toLowerCase(Locale.ROOT).strip();
        return rel.isEmpty() ? Set.of() : Set.of(rel.split("\\s+"));
    }

    /**
     * The image candidates of a {@code srcset}: "a.png 1x, b.png 2x, c.png 800w" (HTML's
     * srcset parsing: a URL runs to white space, a trailing comma ends it, and the descriptors
     * run to the next comma outside parentheses).
     */
    private void srcset(Tag e) {
        String set = e.attr("srcset");
        if (set == null) {
            return;
        }
        int i = 0;
        int n = set.length();
        while (i < n) {
            while (i < n && (Character.isWhitespace(set.charAt(i)) || set.charAt(i) == ',')) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(set.charAt(i))) {
                i++;
            }
            String url = set.substring(start, i);
            boolean ended = url.endsWith(",");
            while (url.endsWith(",")) {
                url = url.substring(0, url.length() - 1);
            }
            if (!url.isEmpty()) {
                out.add(url, Link.Kind.REQUISITE, e.name(), "srcset", nofollow);
            }
            if (!ended) {
                int depth = 0;
                while (i < n && (set.charAt(i) != ',' || depth > 0)) {
                    depth += set.charAt(i) == '(' ? 1 : set.charAt(i) == ')' ? -1 : 0;
                    i++;
                }
            }
        }
    }

    /** The URL of a meta refresh's content ({@code 5; url='/next'}), or null if it names none. */
    static String refreshUrl(String content) {
        String lower = content.toLowerCase(Locale.ROOT);
        int at = lower.indexOf("url");
        while (at >= 0) {
            int i = at + 3;
            while (i < content.length() && Character.isWhitespace(content.charAt(i))) {
                i++;
            }
            if (i < content.length() && content.charAt(i) == '=') {
                String url = content.substring(i + 1).strip();
                if (!url.isEmpty() && (url.charAt(0) == '\'' || url.charAt(0) == '"')) {
                    char quote = url.charAt(0);
                    int end = url.indexOf(quote, 1);
                    url = end < 0 ? url.substring(1) : url.substring(1, end);
                }
                return url;
            }
            at = lower.indexOf("url", at + 3);
        }
        return null;
    }
}
