package io.asynccrawler.server;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a site {@code crawler serve} generates under {@code /site/{pages}x{fanout}/}: pages
 * numbered 0 to pages - 1 in a tree, page {@code i}'s children {@code fanout * i + 1} to {@code
 * fanout * i + fanout}, page 0 the site's root ({@code /site/NxF/}), page {@code i > 0} at {@code
 * /site/NxF/p/i.html}. A page links only to its children, its parent and the root, so a page's
 * depth (links from the root) is its depth in the tree, and a test can say which pages a crawl to
 * a given depth must save. Everything else a page holds (requisites, broken links, a redirect,
 * another host, traps, a nofollow link) is described by {@link SitePages}.
 *
 * @param pages  how many pages, at least 1
 * @param fanout children per page, at least 1
 */
public record SiteShape(int pages, int fanout) {
    /** Most pages one site may have: a crawl of it is a test, not a benchmark of memory. */
    public static final int MAX_PAGES = 10_000_000;

    public SiteShape {
        if (pages < 1 || pages > MAX_PAGES || fanout < 1 || fanout > 1000) {
            throw new IllegalArgumentException("a site has 1-" + MAX_PAGES + " pages and a fan-out of 1-1000: " + pages + "x" + fanout);
        }
    }

    /** Reads {@code 100x3}. */
    public static SiteShape parse(String spec) {
        int x = spec.indexOf('x');
        if (x < 1) {
            throw new IllegalArgumentException("not a site shape (PAGESxFANOUT): " + spec);
        }
        return new SiteShape((int) Call.parseBounded("pages", spec.substring(0, x), 1, MAX_PAGES),
                (int) Call.parseBounded("fanout", spec.substring(x + 1), 1, 1000));
    }

    /** The site's root path, {@code /site/100x3/}. */
    public String root() {
        return "/site/" + pages + "x" + fanout + "/";
    }

    /** Page {@code i}'s path. */
    public String path(int i) {
        return i == 0 ? root() : root() + "p/" + i + ".html";
    }

    /** Page {@code i}'s parent, or -1 for the root. */
    public int parent(int i) {
        return i == 0 ? -1 : (i - 1) / fanout;
    }

    /** Page {@code i}'s children. */
    public List<Integer> children(int i) {
        List<Integer> out = new ArrayList<>(fanout);
        for (long c = (long) fanout * i + 1; c <= (long) fanout * i + fanout && c < pages; c++) {
            out.add((int) c);
        }
        return out;
    }

    /** Links from the root to page {@code i}. */
    public int depth(int i) {
        int d = 0;
        for (int p = i; p > 0; p = parent(p)) {
            d++;
        }
        return d;
    }

    /** The paths of every page at most {@code depth} links from the root, in page order. */
    public List<String> pagesWithin(int depth) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            if (depth(i) <= depth) {
                out.add(path(i));
            }
        }
        return out;
    }
}
