package io.asynccrawler.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.asynccrawler.crawl.FrontierStore.Admission;
import io.asynccrawler.crawl.FrontierStore.Budget;
import io.asynccrawler.crawl.FrontierStore.Excluded;
import io.asynccrawler.crawl.FrontierStore.Found;
import io.asynccrawler.fetch.Reason;
import io.asynccrawler.fetch.Via;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a page's links are sorted: scope first, then nofollow, then depth, with -p's bound past it. */
class LinkTriageTest {
    private static final URI SEED = URI.create("http://a.example/");
    private static final LinkTriage WITH_REQUISITES = new LinkTriage(new CrawlRules(Scope.ofSeeds(List.of(SEED)), 1,
            new CrawlRules.Follow(true, false, 10), Budget.NONE, CrawlRules.Politeness.of(4)));

    private static Link link(String path, Link.Kind kind, boolean nofollow) {
        return new Link(SEED.resolve(path), kind, "test", nofollow);
    }

    private static List<String> admitted(Admission a) {
        return a.found().stream().map(f -> f.uri().getPath() + " " + f.depth() + " " + f.via().word()).toList();
    }

    private static List<String> excluded(Admission a) {
        return a.excluded().stream().map(x -> x.found().uri().toString() + " " + x.reason().word()).toList();
    }

    @Test
    void aPageWithinTheDepthGivesItsLinksAndRequisites() {
        PageLinks links = new PageLinks(List.of(link("/next.html", Link.Kind.PAGE, false), link("/a.png", Link.Kind.REQUISITE, false),
                link("/no.html", Link.Kind.PAGE, true), new Link(URI.create("http://b.example/"), Link.Kind.PAGE, "a href", false)),
                false, false, 0, PageLinks.Read.WHOLE);
        Admission a = WITH_REQUISITES.of(new Found(SEED, 0, Via.SEED, null), links);
        assertThat(admitted(a)).containsExactly("/next.html 1 link", "/a.png 1 requisite");
        assertThat(excluded(a)).containsExactly("http://a.example/no.html nofollow", "http://b.example/ out_of_scope");
    }

    @Test
    void linksToUrlsAdmittedBeforeAreLeftOutWhateverTheyWouldBe() {
        PageLinks links = new PageLinks(List.of(link("/next.html", Link.Kind.PAGE, false), link("/a.png", Link.Kind.REQUISITE, false),
                link("/no.html", Link.Kind.PAGE, true), link("/new.html", Link.Kind.PAGE, false)), false, false, 0, PageLinks.Read.WHOLE);
        Set<String> before = Set.of("/next.html", "/a.png", "/no.html");
        Admission a = WITH_REQUISITES.of(new Found(SEED, 0, Via.SEED, null), links, uri -> before.contains(uri.getPath()));
        assertThat(admitted(a)).containsExactly("/new.html 1 link");
        assertThat(excluded(a)).as("admitted before: the frontier would drop its exclusion too").isEmpty();
    }

    @Test
    void pastTheDepthOnlyRequisitesComeAndOnlyTwoLinksPastIt() {
        PageLinks links = new PageLinks(List.of(link("/deeper.html", Link.Kind.PAGE, false), link("/style.css", Link.Kind.REQUISITE, false)),
                false, false, 0, PageLinks.Read.WHOLE);
        Admission atLimit = WITH_REQUISITES.of(new Found(SEED.resolve("/p.html"), 1, Via.LINK, null), links);
        assertThat(admitted(atLimit)).containsExactly("/style.css 2 requisite");
        assertThat(excluded(atLimit)).containsExactly("http://a.example/deeper.html too_deep");
        Admission sheet = WITH_REQUISITES.of(new Found(SEED.resolve("/style.css"), 2, Via.REQUISITE, null), links);
        assertThat(admitted(sheet)).as("a style sheet's image, two past the limit").containsExactly("/style.css 3 requisite");
        Admission further = WITH_REQUISITES.of(new Found(SEED.resolve("/frame.html"), 3, Via.REQUISITE, null), links);
        assertThat(admitted(further)).as("no chain of frames without end").isEmpty();
    }

    @Test
    void anExclusionComesBackWhenTheOptionThatMadeItNoLongerDoes() {
        LinkTriage triage = WITH_REQUISITES;
        Found page = new Found(SEED.resolve("/p.html"), 1, Via.LINK, null);
        assertThat(triage.allowsNow(new Excluded(page, Reason.TOO_DEEP, "--depth 0"), true)).isTrue();
        assertThat(triage.allowsNow(new Excluded(new Found(SEED.resolve("/p.html"), 2, Via.LINK, null), Reason.TOO_DEEP, null), true))
                .as("still too deep").isFalse();
        assertThat(triage.allowsNow(new Excluded(new Found(SEED.resolve("/a.png"), 3, Via.REQUISITE, null), Reason.TOO_DEEP, null), true))
                .as("a requisite two past the depth, with -p").isTrue();
        assertThat(triage.allowsNow(new Excluded(page, Reason.NOFOLLOW, "rel=nofollow"), false)).as("the page said so").isFalse();
        assertThat(triage.allowsNow(new Excluded(page, Reason.ROBOTS_DISALLOWED, null), true)).isFalse();
        assertThat(triage.allowsNow(new Excluded(page, Reason.ROBOTS_DISALLOWED, null), false)).as("--no-robots").isTrue();
        assertThat(triage.allowsNow(new Excluded(page, Reason.CRAWL_DELAY_TOO_LONG, "PT31S"), true)).isFalse();
        assertThat(triage.allowsNow(new Excluded(page, Reason.CRAWL_DELAY_TOO_LONG, "PT30S"), true)).as("the default bound").isTrue();
        assertThat(triage.allowsNow(new Excluded(page, Reason.CRAWL_DELAY_TOO_LONG, "http://a.example/robots.txt"), true))
                .as("a length not kept").isFalse();
        assertThat(triage.allowsNow(new Excluded(page, Reason.CRAWL_DELAY_TOO_LONG, null), false)).as("--no-robots").isTrue();
        Found away = new Found(URI.create("http://b.example/"), 1, Via.LINK, null);
        assertThat(triage.allowsNow(new Excluded(away, Reason.OUT_OF_SCOPE, "another host"), false)).as("out of scope still").isFalse();
        assertThat(triage.allowsNow(new Excluded(away, Reason.ROBOTS_DISALLOWED, null), false)).as("and no robots make it in").isFalse();
        assertThat(triage.allowsNow(new Excluded(page, Reason.HTTP, null), false)).as("not an exclusion").isFalse();
        assertThat(triage.judgedBy(true)).isNotEqualTo(triage.judgedBy(false)).contains("depth 1", "a.example");
    }
}
