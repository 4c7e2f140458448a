package io.asynccrawler.crawl;

import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The links of an HTML page, element by element in document order, as wget2 and browsers find
 * them: {@code a}/{@code area} href (pages), {@code link} href (stylesheets and icons are
 * requisites, {@code next} or {@code canonical} pages), {@code img}/{@code source} src and srcset,
 * {@code script} src, {@code iframe}/{@code frame} src, media, {@code embed}, {@code object} data,
 * a meta refresh, CSS in {@code <style>} and {@code style=""}. {@code <base href>} rebases what
 * follows; {@code <meta name="robots">} and {@code rel="nofollow"} mark what is not to be followed.
 */
final class HtmlLinks {
    /** {@code link} relations that make the linked resource part of the page, not a page of its own. */
    private static final Set<String> REQUISITE_RELS = Set.of("stylesheet", "icon", "shortcut", "apple-touch-icon",
            "apple-touch-icon-precomposed", "mask-icon", "manifest", "preload", "modulepreload");

    private HtmlLinks() {
    }

    static PageLinks collect(Document page, LinkCollector out) {
        boolean nofollow = false;
        boolean noindex = false;
        for (Element meta : page.select("meta[name]")) {
            if (meta.attr("name").equalsIgnoreCase("robots")) {
                String content = meta.attr("content").toLowerCase(Locale.ROOT);
                nofollow |= content.contains("nofollow") || content.contains("none");
                noindex |= content.contains("noindex") || content.contains("none");
            }
        }
        for (Element e : page.getAllElements()) {
            if (out.full()) {
                break;
            }
            element(e, out, nofollow);
        }
        return out.result(nofollow, noindex);
    }

    private static void element(Element e, LinkCollector out, boolean nofollow) {
        switch (e.normalName()) {
            case "base":
                if (e.hasAttr("href")) {
                    out.rebase(e.attr("href"));
                }
                break;
            case "a":
            case "area":
                attr(e, "href", Link.Kind.PAGE, out, nofollow || rels(e).contains("nofollow"));
                break;
            case "link":
                Set<String> rels = rels(e);
                boolean requisite = rels.stream().anyMatch(REQUISITE_RELS::contains);
                attr(e, "href", requisite ? Link.Kind.REQUISITE : Link.Kind.PAGE, out, nofollow || rels.contains("nofollow"));
                break;
            case "img":
            case "source":
                attr(e, "src", Link.Kind.REQUISITE, out, nofollow);
                srcset(e, out, nofollow);
                break;
            case "script":
            case "iframe":
            case "frame":
            case "audio":
            case "embed":
            case "track":
                attr(e, "src", Link.Kind.REQUISITE, out, nofollow);
                break;
            case "video":
                attr(e, "src", Link.Kind.REQUISITE, out, nofollow);
                attr(e, "poster", Link.Kind.REQUISITE, out, nofollow);
                break;
            case "object":
                attr(e, "data", Link.Kind.REQUISITE, out, nofollow);
                break;
            case "input":
                if (e.attr("type").equalsIgnoreCase("image")) {
                    attr(e, "src", Link.Kind.REQUISITE, out, nofollow);
                }
                break;
            case "meta":
                if (e.attr("http-equiv").equalsIgnoreCase("refresh")) {
                    String url = refreshUrl(e.attr("content"));
                    if (url != null) {
                        out.add(url, Link.Kind.PAGE, "meta refresh", nofollow);
                    }
                }
                break;
            case "style":
                CssLinks.collect(e.data(), out, "style");
                break;
            default:
                break;
        }
        if (e.hasAttr("background")) { // body, table, td in old pages
            attr(e, "background", Link.Kind.REQUISITE, out, nofollow);
        }
        if (e.hasAttr("style")) {
            CssLinks.collect(e.attr("style"), out, e.normalName() + " style");
        }
    }

    private static void attr(Element e, String name, Link.Kind kind, LinkCollector out, boolean nofollow) {
        if (e.hasAttr(name)) {
            out.add(e.attr(name), kind, e.normalName() + " " + name, nofollow);
        }
    }

    private static Set<String> rels(Element e) {
        String rel = e.attr("rel").toLowerCase(Locale.ROOT).strip();
        return rel.isEmpty() ? Set.of() : Set.of(rel.split("\\s+"));
    }

    /**
     * The image candidates of a {@code srcset}: "a.png 1x, b.png 2x, c.png 800w" (HTML's
     * srcset parsing: a URL runs to white space, a trailing comma ends it, and the descriptors
     * run to the next comma outside parentheses).
     */
    private static void srcset(Element e, LinkCollector out, boolean nofollow) {
        String set = e.attr("srcset");
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
                out.add(url, Link.Kind.REQUISITE, e.normalName() + " srcset", nofollow);
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
