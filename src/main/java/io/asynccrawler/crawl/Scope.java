package io.asynccrawler.crawl;

import io.asynccrawler.fetch.Reason;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which URLs a crawl may fetch, whatever their depth: the seeds' hosts (over http or https, as
 * wget2's default) or, with {@code spanHosts}, any host under {@code domains} and none under
 * {@code excludeDomains}; below a seed's directory with {@code noParent}; and the user's rules:
 * {@code --include}/{@code --exclude} patterns found in the URL, {@code --accept}/{@code --reject}
 * suffixes of its file name. A URL longer than {@code maxUrlLength}, or one on a trap path
 * ({@link TrapPaths}), is not fetched either. Checked before anything is queued, so what is out
 * of scope costs one exclusion record, never a request.
 */
public final class Scope {
    /** Internet Explorer's old bound, which Heritrix keeps too: longer URLs are mostly generated ones. */
    public static final int DEFAULT_MAX_URL_LENGTH = 2083;
    /** File names --accept never turns away: a page is fetched to follow its links, as wget2 does. */
    private static final List<String> PAGE_SUFFIXES = List.of(".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx", ".jsp");

    private final List<URI> seeds;
    private final Set<String> seedHosts;
    private final Rules rules;

    /** What the user asked of a crawl's scope beyond its seeds; {@link #NONE} asks nothing. */
    public record Rules(boolean noParent, boolean spanHosts, List<String> domains, List<String> excludeDomains,
                        List<Pattern> include, List<Pattern> exclude, List<String> accept, List<String> reject,
                        int maxUrlLength) {
        public static final Rules NONE = new Rules(false, false, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), DEFAULT_MAX_URL_LENGTH);

        public Rules {
            domains = lower(domains);
            excludeDomains = lower(excludeDomains);
            include = List.copyOf(include);
            exclude = List.copyOf(exclude);
            accept = lower(accept);
            reject = lower(reject);
        }

        private static List<String> lower(List<String> words) {
            return words.stream().map(w -> w.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableList());
        }
    }

    /** Why a URL is not in scope: the reason, and the rule that said so (null when the reason says it all). */
    public record Verdict(Reason reason, String rule) {
    }

    public Scope(List<URI> seeds, Rules rules) {
        this.seeds = List.copyOf(seeds);
        this.seedHosts = seeds.stream().map(s -> s.getHost().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.rules = rules;
    }

    /** The seeds' hosts, no other rule. */
    public static Scope ofSeeds(List<URI> seeds) {
        return new Scope(seeds, Rules.NONE);
    }

    public List<URI> seeds() {
        return seeds;
    }

    public Rules rules() {
        return rules;
    }

    /** Null if {@code uri} (normal form) may be fetched, else why not. */
    public Verdict check(URI uri) {
        String url = uri.toString();
        if (url.length() > rules.maxUrlLength()) {
            return new Verdict(Reason.URL_TOO_LONG, "over " + rules.maxUrlLength() + " characters");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (!rules.spanHosts() && !seedHosts.contains(host)) {
            return new Verdict(Reason.OUT_OF_SCOPE, "another host");
        }
        if (rules.spanHosts() && !seedHosts.contains(host) && !rules.domains().isEmpty() && !under(host, rules.domains())) {
            return new Verdict(Reason.OUT_OF_SCOPE, "not under --domains");
        }
        if (under(host, rules.excludeDomains())) {
            return new Verdict(Reason.OUT_OF_SCOPE, "under --exclude-domains");
        }
        if (rules.noParent() && !belowASeed(uri, host)) {
            return new Verdict(Reason.OUT_OF_SCOPE, "--no-parent");
        }
        Verdict byRule = byRules(url, uri.getRawPath());
        if (byRule != null) {
            return byRule;
        }
        String trap = TrapPaths.trapIn(uri);
        return trap == null ? null : new Verdict(Reason.TRAP, trap);
    }

    private Verdict byRules(String url, String path) {
        for (Pattern p : rules.exclude()) {
            if (p.matcher(url).find()) {
                return new Verdict(Reason.REJECTED_BY_RULE, "--exclude " + p.pattern());
            }
        }
        if (!rules.include().isEmpty() && rules.include().stream().noneMatch(p -> p.matcher(url).find())) {
            return new Verdict(Reason.REJECTED_BY_RULE, "--include");
        }
        String name = fileName(path);
        for (String suffix : rules.reject()) {
            if (name.endsWith(suffix)) {
                return new Verdict(Reason.REJECTED_BY_RULE, "--reject " + suffix);
            }
        }
        if (!rules.accept().isEmpty() && !name.isEmpty() && PAGE_SUFFIXES.stream().noneMatch(name::endsWith)
                && rules.accept().stream().noneMatch(name::endsWith)) {
            return new Verdict(Reason.REJECTED_BY_RULE, "--accept");
        }
        return null;
    }

    /** The last segment of {@code path}, lower case: "" for a directory ({@code /docs/}). */
    private static String fileName(String path) {
        String p = path == null ? "" : path;
        return p.substring(p.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }

    /** Whether {@code host} is one of {@code domains} or under one ({@code docs.example.org} under {@code example.org}). */
    private static boolean under(String host, List<String> domains) {
        for (String d : domains) {
            String domain = d.startsWith(".") ? d.substring(1) : d;
            if (host.equals(domain) || host.endsWith("." + domain)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code uri} is on a seed's host, in the seed's directory or below it. */
    private boolean belowASeed(URI uri, String host) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        for (URI seed : seeds) {
            if (seed.getHost().equalsIgnoreCase(host) && path.startsWith(directory(seed))) {
                return true;
            }
        }
        return false;
    }

    /** The directory of {@code seed}'s path: {@code /docs/api/} for {@code /docs/api/index.html} and for {@code /docs/api/}. */
    static String directory(URI seed) {
        String path = seed.getRawPath() == null || seed.getRawPath().isEmpty() ? "/" : seed.getRawPath();
        return path.substring(0, path.lastIndexOf('/') + 1);
    }
}
