package io.asynccrawler.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.asynccrawler.fetch.Reason;
import java.net.URI;
import java.time.Year;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Which URLs a crawl's scope lets through, and the reason and rule it gives for the others. */
class ScopeTest {
    private static final List<URI> SEEDS = List.of(URI.create("https://docs.example.org/api/index.html"));

    private static Scope scope(Scope.Rules rules) {
        return new Scope(SEEDS, rules);
    }

    private static Scope.Rules rules(boolean noParent, boolean spanHosts, List<String> domains, List<String> excludeDomains) {
        return new Scope.Rules(noParent, spanHosts, domains, excludeDomains, List.of(), List.of(), List.of(), List.of(),
                Scope.DEFAULT_MAX_URL_LENGTH);
    }

    private static String why(Scope scope, String url) {
        Scope.Verdict v = scope.check(URI.create(url));
        return v == null ? null : v.reason().word() + (v.rule() == null ? "" : " " + v.rule());
    }

    @Test
    void theSeedsHostsOverEitherSchemeAndNoOther() {
        Scope scope = Scope.ofSeeds(SEEDS);
        assertThat(why(scope, "http://docs.example.org/other/")).isNull();
        assertThat(why(scope, "https://www.example.org/")).isEqualTo("out_of_scope another host");
    }

    @Test
    void spanHostsIsNarrowedByDomainsAndExcludeDomains() {
        Scope scope = scope(rules(false, true, List.of("Example.org"), List.of("ads.example.org")));
        assertThat(why(scope, "https://www.example.org/")).isNull();
        assertThat(why(scope, "https://example.org/")).isNull();
        assertThat(why(scope, "https://notexample.org/")).isEqualTo("out_of_scope not under --domains");
        assertThat(why(scope, "https://x.ads.example.org/")).isEqualTo("out_of_scope under --exclude-domains");
        assertThat(why(scope(rules(false, true, List.of(), List.of())), "https://anywhere.net/")).isNull();
    }

    @Test
    void noParentKeepsBelowTheSeedsDirectory() {
        Scope scope = scope(rules(true, false, List.of(), List.of()));
        assertThat(why(scope, "https://docs.example.org/api/java/util/List.html")).isNull();
        assertThat(why(scope, "https://docs.example.org/api/")).isNull();
        assertThat(why(scope, "https://docs.example.org/apix/")).isEqualTo("out_of_scope --no-parent");
        assertThat(why(scope, "https://docs.example.org/")).isEqualTo("out_of_scope --no-parent");
    }

    @Test
    void rulesNameThemselves() {
        Scope scope = scope(new Scope.Rules(false, false, List.of(), List.of(), List.of(Pattern.compile("/api/")),
                List.of(Pattern.compile("\\?print=")), List.of(".pdf"), List.of(".zip"), 60));
        assertThat(why(scope, "https://docs.example.org/api/a.pdf")).isNull();
        assertThat(why(scope, "https://docs.example.org/api/a.html")).as("a page is fetched for its links").isNull();
        assertThat(why(scope, "https://docs.example.org/api/sub/")).isNull();
        assertThat(why(scope, "https://docs.example.org/api/a.png")).isEqualTo("rejected_by_rule --accept");
        assertThat(why(scope, "https://docs.example.org/api/a.ZIP")).isEqualTo("rejected_by_rule --reject .zip");
        assertThat(why(scope, "https://docs.example.org/other.pdf")).isEqualTo("rejected_by_rule --include");
        assertThat(why(scope, "https://docs.example.org/api/a.html?print=1")).isEqualTo("rejected_by_rule --exclude \\?print=");
        assertThat(why(scope, "https://docs.example.org/api/" + "x".repeat(40) + ".pdf")).isEqualTo("url_too_long over 60 characters");
    }

    @Test
    void trapPathsAreTold() {
        Scope scope = Scope.ofSeeds(SEEDS);
        assertThat(why(scope, "https://docs.example.org/a/a/")).isNull();
        assertThat(why(scope, "https://docs.example.org/a/a/a/")).isEqualTo("trap path repeats /a");
        assertThat(why(scope, "https://docs.example.org/x/a/b/a/b/a/b/c")).isEqualTo("trap path repeats /a/b");
        assertThat(why(scope, "https://docs.example.org/" + "s/".repeat(10) + "t/".repeat(12))).startsWith("trap ");
        int year = Year.now().getValue();
        assertThat(why(scope, "https://docs.example.org/cal/" + (year + 5) + "/12")).isNull();
        assertThat(why(scope, "https://docs.example.org/cal/" + (year + 6) + "/1")).isEqualTo("trap calendar at " + (year + 6) + "/1");
        assertThat(why(scope, "https://docs.example.org/cal?year=1989&month=12")).isEqualTo("trap calendar at 1989/12");
        assertThat(why(scope, "https://docs.example.org/items/1234/5")).as("an id, not a year").isNull();
        assertThat(Reason.TRAP.word()).isEqualTo("trap");
    }
}
