package io.asynccrawler.crawl;

import crawlercommons.domains.EffectiveTldFinder;
import java.util.Locale;

/**
 * The public suffix list (crawler-commons' copy of publicsuffix.org's, private suffixes such as
 * {@code github.io} included, as browsers use it): the domains no cookie may be set for.
 */
public final class PublicSuffixes {
    private PublicSuffixes() {
    }

    /** Whether {@code domain} is a public suffix itself ({@code com}, {@code co.uk}, {@code github.io}). */
    public static boolean isPublicSuffix(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        EffectiveTldFinder.EffectiveTLD suffix = EffectiveTldFinder.getEffectiveTLD(d, false);
        return suffix != null && suffix.getDomain().equals(d);
    }
}
