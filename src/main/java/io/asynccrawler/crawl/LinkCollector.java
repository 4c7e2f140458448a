package io.asynccrawler.crawl;

import io.asynccrawler.fetch.Urls;
import java.net.URI;
import java.util.ArrayList;
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
    private URI base;
    private int refused;
    private boolean full;

    LinkCollector(URI base, int max) {
        this.base = base;
        this.max = max;
    }

    URI base() {
        return base;
    }

    /** A {@code <base href>}: later links resolve against it, if it is an http(s) URL. */
    void rebase(String href) {
        Urls.Admission a = Urls.admit(clean(href), base);
        if (a.admitted()) {
            base = a.uri();
        }
    }

    /** Adds the link {@code text} (an attribute's value as written), unless it is blank. */
    void add(String text, Link.Kind kind, String from, boolean nofollow) {
        String url = clean(text);
        if (url.isEmpty()) {
            return;
        }
        Urls.Admission a = Urls.admit(url, base);
        if (!a.admitted()) {
            refused++;
            return;
        }
        Link known = links.get(a.uri());
        if (known != null) {
            Link.Kind merged = known.kind() == Link.Kind.PAGE || kind == Link.Kind.PAGE ? Link.Kind.PAGE : Link.Kind.REQUISITE;
            links.put(a.uri(), new Link(a.uri(), merged, known.from(), known.nofollow() && nofollow));
        } else if (links.size() < max) {
            links.put(a.uri(), new Link(a.uri(), kind, from, nofollow));
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
        String s = text.strip();
        if (s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return s.replace("\t", "").replace("\n", "").replace("\r", "");
    }
}
