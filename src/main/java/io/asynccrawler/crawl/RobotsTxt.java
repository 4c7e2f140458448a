package io.asynccrawler.crawl;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.asynccrawler.fetch.MemoryBody;
import io.asynccrawler.fetch.Outcome;
import io.asynccrawler.fetch.PolicyFetcher;
import io.asynccrawler.fetch.Reason;
import io.asynccrawler.fetch.Result;
import io.asynccrawler.fetch.Target;
import io.asynccrawler.fetch.Urls;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Each origin's robots.txt (RFC 9309), fetched once through the fetch policy (redirects, retries
 * and timeouts as any URL's) into memory, parsed by crawler-commons for our product token, and
 * kept for the origin's next URLs: a 2xx gives rules, a 4xx allows everything, a 5xx or no answer
 * allows nothing until it is asked again after {@link #RETRY_UNREACHABLE}. At most {@link
 * #MAX_ORIGINS} origins are kept, the least recently asked dropped first (and fetched again if
 * asked again), so a crawl over millions of hosts does not keep all their rules.
 */
public final class RobotsTxt {
    /** RFC 9309 §2.5: a crawler should parse at least the first 500 KiB; more is not read. */
    static final int MAX_BYTES = 500 * 1024;
    /** How long an origin whose robots.txt could not be had waits before it is asked again. */
    static final Duration RETRY_UNREACHABLE = Duration.ofSeconds(30);
    static final int MAX_ORIGINS = 10_000;

    private final PolicyFetcher fetcher;
    private final List<String> agentNames;
    private final Map<String, CompletableFuture<HostRules>> byOrigin = new LinkedHashMap<>(64, 0.75f, true);

    /**
     * @param fetcher   what fetches robots.txt (the crawl's own, with its settings)
     * @param userAgent the crawl's User-Agent: its product token ({@code async-crawler} of
     *                  {@code async-crawler/1.0 (+https://...)}) is the name groups are matched for
     */
    public RobotsTxt(PolicyFetcher fetcher, String userAgent) {
        this.fetcher = fetcher;
        this.agentNames = List.of(productToken(userAgent));
    }

    /** The product token of a User-Agent: up to its first '/' or space, lower case. */
    static String productToken(String userAgent) {
        String s = userAgent.strip();
        int end = s.length();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '/' || Character.isWhitespace(s.charAt(i))) {
                end = i;
                break;
            }
        }
        return s.substring(0, end).toLowerCase(Locale.ROOT);
    }

    /**
     * What asking for an origin's rules gave: the rules, to come or come, and whether this ask set
     * their fetch going. Its asker hears them come, even when the fetch ended before the ask returned
     * (a blocking mode on loopback): the sitemaps a robots.txt names are admitted on that hearing.
     */
    public record Asked(CompletableFuture<HostRules> rules, boolean fetched) {
    }

    /** The rules of {@code url}'s origin: at once if known, else when its robots.txt has been fetched. */
    public CompletableFuture<HostRules> rulesFor(URI url) {
        return ask(url).rules();
    }

    /** As {@link #rulesFor(URI)}, saying whether this call fetched them. */
    public Asked ask(URI url) {
        String origin = Urls.origin(url);
        CompletableFuture<HostRules> known;
        CompletableFuture<HostRules> mine = null;
        synchronized (byOrigin) {
            known = byOrigin.get(origin);
            if (known == null || expired(known)) {
                mine = new CompletableFuture<>();
                byOrigin.put(origin, mine);
                if (byOrigin.size() > MAX_ORIGINS) {
                    byOrigin.remove(byOrigin.keySet().iterator().next()); // least recently asked
                }
            }
        }
        if (mine == null) {
            return new Asked(known, false);
        }
        fetch(url, mine);
        return new Asked(mine, true);
    }

    private static boolean expired(CompletableFuture<HostRules> known) {
        HostRules rules = known.getNow(null);
        return rules != null && rules.kind() == HostRules.Kind.UNREACHABLE && Instant.now().isAfter(rules.retryAt());
    }

    private void fetch(URI url, CompletableFuture<HostRules> into) {
        URI robots = URI.create(url.getScheme() + "://" + url.getRawAuthority() + "/robots.txt");
        AtomicReference<MemoryBody> last = new AtomicReference<>();
        fetcher.fetch(new Target(robots, Path.of("robots.txt"), "robots.txt of " + Urls.origin(url)),
                        MemoryBody.each(() -> MemoryBody.truncating(MAX_BYTES), last::set))
                .whenComplete((result, error) -> {
                    try {
                        into.complete(error != null ? unreachable(error.toString()) : rules(result, last.get()));
                    } catch (RuntimeException e) {
                        into.complete(unreachable(e.toString()));
                    }
                });
    }

    private static HostRules unreachable(String why) {
        return HostRules.unreachable(Instant.now().plus(RETRY_UNREACHABLE), why);
    }

    /** The rules a finished robots.txt fetch gives (RFC 9309 §2.3.1). */
    private HostRules rules(Result result, MemoryBody body) {
        if (result.outcome() == Outcome.OK && body != null && body.bytes() != null) {
            SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
            parser.setMaxCrawlDelay(Long.MAX_VALUE); // a long delay is the crawl's to judge (--max-crawl-delay)
            BaseRobotRules rules = parser.parseContent(result.finalUrl(), body.bytes(), result.contentType(), agentNames);
            Duration delay = rules.getCrawlDelay() == BaseRobotRules.UNSET_CRAWL_DELAY ? null : Duration.ofMillis(rules.getCrawlDelay());
            return new HostRules(HostRules.Kind.RULES, rules, delay, rules.getSitemaps(), null, null);
        }
        int status = result.status();
        Reason why = result.reason();
        if (status >= 400 && status < 500 || why == Reason.TOO_MANY_REDIRECTS || why == Reason.REDIRECT_LOOP
                || why == Reason.BAD_REDIRECT || why == Reason.INSECURE_REDIRECT) {
            return HostRules.allowAll(); // unavailable (RFC 9309 §2.3.1.3; endless redirects count as such, §2.3.1.2)
        }
        return unreachable(result.error());
    }
}
