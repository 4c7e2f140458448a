package io.asynccrawler.crawl;

import io.asynccrawler.crawl.FrontierStore.Admission;
import io.asynccrawler.crawl.FrontierStore.Budget;
import io.asynccrawler.crawl.FrontierStore.Excluded;
import io.asynccrawler.crawl.FrontierStore.Found;
import io.asynccrawler.fetch.Reason;
import io.asynccrawler.fetch.Urls;
import io.asynccrawler.fetch.Via;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Sorts the links of a fetched page into those to crawl and those met and not fetched, with the
 * reason: out of the scope (or a rule, a trap, too long), nofollow, past the depth. A page's links
 * are one link deeper than the page. A requisite past the depth is still fetched with {@code -p}
 * (so a page at the depth limit is shown whole, its style sheet's images too, two links past the
 * limit at most); a page past it never.
 */
final class LinkTriage {
    private final CrawlRules rules;

    LinkTriage(CrawlRules rules) {
        this.rules = rules;
    }

    /** What {@code page}'s {@code links} give the frontier. */
    Admission of(Found page, PageLinks links) {
        return of(page, links, uri -> false);
    }

    /**
     * As {@link #of(Found, PageLinks)}, leaving out the links to URLs {@code admittedBefore} says
     * are admitted already, which the frontier would drop anyway: on a site's pages most are (the
     * JDK's API docs: all but 10,270 of 389,477), and each sorted and stepped through the store
     * for nothing was a fifth of reading a page.
     */
    Admission of(Found page, PageLinks links, Predicate<URI> admittedBefore) {
        List<Found> found = new ArrayList<>();
        List<Excluded> excluded = new ArrayList<>();
        boolean pastDepth = page.depth() >= rules.maxDepth(); // its links would be deeper than allowed
        // -p: a page's requisites whatever its depth, and their own (a style sheet's images), no further:
        // frames past the depth could otherwise chain without end
        boolean requisitesPast = rules.follow().pageRequisites() && page.depth() - 1 <= rules.maxDepth();
        String referrer = page.uri().toString();
        for (Link link : links.links()) {
            if (admittedBefore.test(link.uri())) {
                continue;
            }
            boolean requisite = link.kind() == Link.Kind.REQUISITE;
            Found f = new Found(link.uri(), page.depth() + 1, requisite ? Via.REQUISITE : Via.LINK, referrer);
            Scope.Verdict out = rules.scope().check(link.uri());
            if (out != null) {
                excluded.add(new Excluded(f, out.reason(), out.rule()));
            } else if (!requisite && (link.nofollow() || links.nofollow())) {
                excluded.add(new Excluded(f, Reason.NOFOLLOW, link.nofollow() ? "rel=nofollow" : "meta robots nofollow"));
            } else if (pastDepth && !(requisite && requisitesPast)) {
                excluded.add(new Excluded(f, Reason.TOO_DEEP, "--depth " + rules.maxDepth()));
            } else {
                found.add(f);
            }
        }
        return new Admission(found, excluded, rules.budget());
    }

    /**
     * What a sitemap gives: the sitemaps an index lists (at the index's depth: a sitemap is no
     * link), or the pages a sitemap lists, one deeper than it; each in scope, pages within the depth.
     */
    Admission ofSitemap(Found sitemap, SitemapReader.Listed listed) {
        List<Found> found = new ArrayList<>();
        List<Excluded> excluded = new ArrayList<>();
        String referrer = sitemap.uri().toString();
        for (URI uri : listed.sitemaps()) {
            sort(new Found(uri, sitemap.depth(), Via.SITEMAP, referrer), false, found, excluded);
        }
        for (URI uri : listed.pages()) {
            sort(new Found(uri, sitemap.depth() + 1, Via.SITEMAP, referrer), sitemap.depth() >= rules.maxDepth(), found, excluded);
        }
        return new Admission(found, excluded, rules.budget());
    }

    /**
     * A page that answered with a redirect to {@code to}: {@code to} is met at the page's depth (a
     * redirect is no link, as wget2 counts), if in scope and at most {@code --max-redirects} hops on.
     */
    Admission ofRedirect(Found page, URI to) {
        int maxRedirects = rules.follow().maxRedirects();
        Found f = new Found(to, page.depth(), Via.REDIRECT, page.uri().toString(), page.hops() + 1);
        List<Found> found = new ArrayList<>();
        List<Excluded> excluded = new ArrayList<>();
        if (f.hops() > maxRedirects) {
            excluded.add(new Excluded(f, Reason.TOO_MANY_REDIRECTS, "--max-redirects " + maxRedirects));
        } else {
            sort(f, false, found, excluded);
        }
        return new Admission(found, excluded, rules.budget());
    }

    /** The sitemaps robots.txt at {@code robotsTxt} names, in scope: depth 0, as the crawl's seeds. */
    Admission ofRobotsTxt(URI robotsTxt, List<String> sitemapLines) {
        List<Found> found = new ArrayList<>();
        List<Excluded> excluded = new ArrayList<>();
        for (String line : sitemapLines) {
            Urls.Admission a = Urls.admit(line.trim(), robotsTxt);
            if (a.admitted()) {
                sort(new Found(a.uri(), 0, Via.SITEMAP, robotsTxt.toString()), false, found, excluded);
            }
        }
        return new Admission(found, excluded, Budget.NONE);
    }

    /**
     * Whether this run's rules let through {@code x}, excluded by an earlier run (robots.txt obeyed
     * now if {@code robots}): what an option excluded comes back when the option no longer excludes
     * it; a nofollow, which the page said, never. A Crawl-delay kept its length in {@code x.detail()}.
     */
    boolean allowsNow(Excluded x, boolean robots) {
        switch (x.reason()) {
            case ROBOTS_DISALLOWED:
            case ROBOTS_UNREACHABLE:
                return !robots && withinRules(x.found());
            case CRAWL_DELAY_TOO_LONG:
                return (!robots || delayWithinBound(x.detail())) && withinRules(x.found());
            case TOO_DEEP:
            case OUT_OF_SCOPE:
            case REJECTED_BY_RULE:
            case URL_TOO_LONG:
            case TRAP:
            case PAGE_BUDGET:
            case TOO_MANY_REDIRECTS:
                return withinRules(x.found());
            default:
                return false;
        }
    }

    /** Whether {@code delay} (a Duration's text, as kept) is within --max-crawl-delay; false if it cannot be read. */
    private boolean delayWithinBound(String delay) {
        try {
            return delay != null && Duration.parse(delay).compareTo(rules.politeness().maxCrawlDelay()) <= 0;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The rules {@link #allowsNow} judges by, as text: a run with the same judges as the last. */
    String judgedBy(boolean robots) {
        return String.join("\n", "seeds " + rules.seeds(), "scope " + rules.scope().rules(), "depth " + rules.maxDepth(),
                "follow " + rules.follow(), "budget " + rules.budget(), "robots " + robots,
                "max-crawl-delay " + rules.politeness().maxCrawlDelay());
    }

    /** Whether {@code f} is in scope, within the redirects and the depth (a requisite's, with {@code -p}, as {@link #of}). */
    private boolean withinRules(Found f) {
        boolean deepRequisite = f.via() == Via.REQUISITE && rules.follow().pageRequisites() && f.depth() - 2 <= rules.maxDepth();
        return rules.scope().check(f.uri()) == null && f.hops() <= rules.follow().maxRedirects()
                && (f.depth() <= rules.maxDepth() || deepRequisite);
    }

    private void sort(Found f, boolean pastDepth, List<Found> found, List<Excluded> excluded) {
        Scope.Verdict out = rules.scope().check(f.uri());
        if (out != null) {
            excluded.add(new Excluded(f, out.reason(), out.rule()));
        } else if (pastDepth) {
            excluded.add(new Excluded(f, Reason.TOO_DEEP, "--depth " + rules.maxDepth()));
        } else {
            found.add(f);
        }
    }
}
