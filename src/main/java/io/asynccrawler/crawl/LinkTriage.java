package io.asynccrawler.crawl;

import io.asynccrawler.crawl.FrontierStore.Admission;
import io.asynccrawler.crawl.FrontierStore.Excluded;
import io.asynccrawler.crawl.FrontierStore.Found;
import io.asynccrawler.fetch.Reason;
import io.asynccrawler.fetch.Via;
import java.util.ArrayList;
import java.util.List;

/**
 * Sorts the links of a fetched page into those to crawl and those met and not fetched, with the
 * reason: out of the scope (or a rule, a trap, too long), nofollow, past the depth. A page's links
 * are one link deeper than the page. A requisite past the depth is still fetched with {@code -p}
 * (so a page at the depth limit is shown whole, its style sheet's images too); a page past it never.
 */
final class LinkTriage {
    private final CrawlRules rules;

    LinkTriage(CrawlRules rules) {
        this.rules = rules;
    }

    /** What {@code page}'s {@code links} give the frontier. */
    Admission of(Found page, PageLinks links) {
        List<Found> found = new ArrayList<>();
        List<Excluded> excluded = new ArrayList<>();
        boolean pastDepth = page.depth() >= rules.maxDepth(); // its links would be deeper than allowed
        String referrer = page.uri().toString();
        for (Link link : links.links()) {
            boolean requisite = link.kind() == Link.Kind.REQUISITE;
            Found f = new Found(link.uri(), page.depth() + 1, requisite ? Via.REQUISITE : Via.LINK, referrer);
            Scope.Verdict out = rules.scope().check(link.uri());
            if (out != null) {
                excluded.add(new Excluded(f, out.reason(), out.rule()));
            } else if (!requisite && (link.nofollow() || links.nofollow())) {
                excluded.add(new Excluded(f, Reason.NOFOLLOW, link.nofollow() ? "rel=nofollow" : "meta robots nofollow"));
            } else if (pastDepth && !(requisite && rules.pageRequisites())) {
                excluded.add(new Excluded(f, Reason.TOO_DEEP, "--depth " + rules.maxDepth()));
            } else {
                found.add(f);
            }
        }
        return new Admission(found, excluded, rules.budget());
    }
}
