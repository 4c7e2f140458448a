package io.asynccrawler.cli;

import io.asynccrawler.crawl.FrontierStore.Budget;
import io.asynccrawler.crawl.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Option;

/** {@code crawler crawl}'s options of scope and budget: which URLs the crawl may fetch, and how many. */
final class ScopeOptions {
    @Option(names = "--no-parent", description = "Never go above a seed's directory.")
    boolean noParent;

    @Option(names = "--span-hosts", description = "Follow links to other hosts too (narrow with --domains).")
    boolean spanHosts;

    @Option(names = {"-D", "--domains"}, paramLabel = "LIST", split = ",",
            description = "With --span-hosts, only hosts under these domains (comma-separated).")
    List<String> domains = new ArrayList<>();

    @Option(names = "--exclude-domains", paramLabel = "LIST", split = ",", description = "Never hosts under these domains.")
    List<String> excludeDomains = new ArrayList<>();

    @Option(names = "--include", paramLabel = "REGEX",
            description = "Only URLs in which this regular expression is found (repeatable: any of them).")
    List<String> include = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "REGEX", description = "No URL in which this regular expression is found (repeatable).")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--accept", paramLabel = "LIST", split = ",",
            description = "Only files whose names end so (comma-separated: pdf,.png); pages are still fetched to follow their links.")
    List<String> accept = new ArrayList<>();

    @Option(names = "--reject", paramLabel = "LIST", split = ",", description = "No file whose name ends so (comma-separated).")
    List<String> reject = new ArrayList<>();

    @Option(names = "--max-pages", paramLabel = "N", description = "Fetch at most N URLs in all; the rest are excluded (page_budget).")
    long maxPages = Long.MAX_VALUE;

    @Option(names = "--max-pages-per-host", paramLabel = "N", description = "Fetch at most N URLs of one host.")
    long maxPagesPerHost = Long.MAX_VALUE;

    @Option(names = "--max-url-length", paramLabel = "N", defaultValue = "" + Scope.DEFAULT_MAX_URL_LENGTH,
            description = "Longer URLs are not fetched (default: ${DEFAULT-VALUE}).")
    int maxUrlLength;

    /** What is wrong with these options, in one line, or null. */
    String problem() {
        if (maxPages < 1 || maxPagesPerHost < 1) {
            return "--max-pages and --max-pages-per-host must be at least 1";
        }
        if (maxUrlLength < 16) {
            return "--max-url-length must be at least 16: " + maxUrlLength;
        }
        if (!domains.isEmpty() && !spanHosts) {
            return "--domains needs --span-hosts (without it only the seeds' hosts are crawled)";
        }
        for (String regex : concat(include, exclude)) {
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                return "not a regular expression: " + regex + " (" + e.getDescription() + ")";
            }
        }
        return null;
    }

    /** The rules, once {@link #problem()} is null. */
    Scope.Rules rules() {
        return new Scope.Rules(noParent, spanHosts, domains, excludeDomains, patterns(include), patterns(exclude),
                suffixes(accept), suffixes(reject), maxUrlLength);
    }

    Budget budget() {
        return new Budget(maxPages, maxPagesPerHost);
    }

    private static List<Pattern> patterns(List<String> regexes) {
        List<Pattern> out = new ArrayList<>();
        for (String r : regexes) {
            out.add(Pattern.compile(r));
        }
        return out;
    }

    /** {@code pdf} and {@code .pdf} both mean the suffix {@code .pdf}, as wget2 reads them. */
    private static List<String> suffixes(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            String t = w.trim();
            if (!t.isEmpty()) {
                out.add(t.startsWith(".") ? t : "." + t);
            }
        }
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
