package io.asynccrawler.crawl;

import io.asynccrawler.fetch.UrlPaths;
import io.asynccrawler.fetch.Urls;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The links of one page as they are found: each text admitted against the page's base (the one
 * gate, {@link Urls#admit}), each URL once (a page link wins over a requisite of the same URL, a
 * followed one over a nofollow one), at most {@code max} of them.
 */
final class LinkCollector {
    private final int max;
    private final Map<URI, Link> links = new LinkedHashMap<>();
    /**
     * Each link text's admission, by the text without its fragment (dropped by the gate anyway):
     * a page names the same URL many times (Python's docs: 176,408 links, 29,404 distinct a page
     * without fragments), and resolving one against the base was the larger part of reading a page.
     * Reset by a {@code <base>}. Bounded by the page, whose size is.
     */
    private final Map<String, Urls.Admission> admitted = new HashMap<>();
    private final KnownUrls known;
    private URI base;
    /** {@link #base} taken apart for the plain paths resolved on its string, or null if none are. */
    private UrlPaths.PlainBase plainBase;
    private int refused;
    private boolean full;

    LinkCollector(URI base, int max, KnownUrls known) {
        this.base = base;
        this.plainBase = UrlPaths.PlainBase.of(base);
        this.max = max;
        this.known = known;
    }

    URI base() {
        return base;
    }

    /** A {@code <base href>}: later links resolve against it, if it is an http(s) URL. */
    void rebase(String href) {
        Urls.Admission a = Urls.admit(clean(href), base);
        if (a.admitted()) {
            base = a.uri();
            plainBase = UrlPaths.PlainBase.of(base);
            admitted.clear();
        }
    }

    /**
     * Adds the link {@code text} (an attribute's value as written), unless it is blank, found in
     * {@code where} ({@code img}, {@code style}) as {@code what} ({@code src}, {@code url}): the
     * two are joined only for a link not met before on the page (most are: 190 a page, JDK docs).
     */
    void add(String text, Link.Kind kind, String where, String what, boolean nofollow) {
        String url = clean(text);
        if (url.isEmpty()) {
            return;
        }
        int fragment = url.indexOf('#');
        String key = fragment >= 0 ? url.substring(0, fragment) : url;
        Urls.Admission a = key.isEmpty() ? new Urls.Admission(base, null) : admitted.get(key); // "#part": the page itself
        if (a == null) {
            String plain = plainBase == null ? null : UrlPaths.resolvePlainPath(key, plainBase);
            a = plain != null ? new Urls.Admission(known.of(plain), null) : Urls.admit(key, base);
            admitted.put(key, a);
        }
        if (!a.admitted()) {
            refused++;
            return;
        }
        Link known = links.get(a.uri());
        if (known != null) {
            Link.Kind merged = known.kind() == Link.Kind.PAGE || kind == Link.Kind.PAGE ? Link.Kind.PAGE : Link.Kind.REQUISITE;
            links.put(a.uri(), new Link(a.uri(), merged, known.from(), known.nofollow() && nofollow));
        } else if (links.size() < max) {
            links.put(a.uri(), new Link(a.uri(), kind, where + " " + what, nofollow));
        } else {
            full = true;
        }
    }

    boolean full() {
        return full;
    }

    PageLinks result(boolean nofollow, boolean noindex) {
        return new PageLinks(new ArrayList<>(links.values()), nofollow, noindex, refused,
                full ? PageLinks.Read.LINK_LIMIT : PageLinks.Read.WHOLE);
    }

    /**
     * {@code text} as a URL parser reads an attribute (WHATWG URL: leading and trailing spaces and
     * control characters dropped, tabs and line breaks inside removed).
     */
    static String clean(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) <= ' ') {
            end--;
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                return text.substring(start, end).replace("\t", "").replace("\n", "").replace("\r", "");
            }
        }
        return start == 0 && end == text.length() ? text : text.substring(start, end);
    }
}
