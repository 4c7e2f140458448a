package io.asynccrawler.crawl;

import crawlercommons.robots.BaseRobotRules;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What an origin's robots.txt lets the crawler do (RFC 9309).
 *
 * @param kind       how the robots.txt fetch ended
 * @param rules      the parsed rules ({@link Kind#RULES}), else null
 * @param crawlDelay the gap the origin asks for between requests, or null if it names none
 * @param sitemaps   the {@code Sitemap:} lines, as written
 * @param retryAt    for {@link Kind#UNREACHABLE}, when to ask again; else null
 * @param why        for {@link Kind#UNREACHABLE}, what went wrong, in words; else null
 */
public record HostRules(Kind kind, BaseRobotRules rules, Duration crawlDelay, List<String> sitemaps, Instant retryAt,
                        String why) {
    /** How an origin's robots.txt fetch ended. */
    public enum Kind {
        /** A robots.txt came (2xx, after redirects): its rules apply. */
        RULES,
        /** 4xx: there is none, and everything is allowed (RFC 9309 §2.3.1.3). */
        ALLOW_ALL,
        /**
         * 5xx, or no answer: nothing of the origin is fetched until it answers (RFC 9309 §2.3.1.4
         * says assume a complete disallow); asked again after {@link #retryAt()}.
         */
        UNREACHABLE
    }

    public HostRules {
        sitemaps = List.copyOf(sitemaps);
    }

    static HostRules allowAll() {
        return new HostRules(Kind.ALLOW_ALL, null, null, List.of(), null, null);
    }

    static HostRules unreachable(Instant retryAt, String why) {
        return new HostRules(Kind.UNREACHABLE, null, null, List.of(), retryAt, why);
    }

    /** Whether {@code url} of this origin may be fetched now. */
    public boolean allows(URI url) {
        switch (kind) {
            case ALLOW_ALL: return true;
            case UNREACHABLE: return false;
            default: return rules.isAllowed(url.toString());
        }
    }
}
