package io.asynccrawler.fetch;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Following a redirect: which statuses, where the Location points, and which targets are refused. */
public final class Redirects {
    static final Set<Integer> STATUSES = Set.of(301, 302, 303, 307, 308);

    private Redirects() {
    }

    /**
     * Whether {@code head} is a redirect with a Location and neither a length nor chunks: its body
     * would end only with the connection, which a server may keep open for minutes. Such a
     * redirect is followed at once, its connection closed.
     */
    public static boolean isUnframed(ResponseHead head) {
        int status = head.status();
        boolean redirect = status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
        return redirect && head.header("location") != null && head.header("content-length") == null
                && head.header("transfer-encoding") == null;
    }

    /** The next URL for a redirect from {@code from}, or a FetchException saying why it is not followed. */
    static URI next(URI from, String location, boolean allowDowngrade) throws FetchException {
        if (location == null || location.isBlank()) {
            throw FetchException.redirect(Reason.BAD_REDIRECT, "redirect without a Location header");
        }
        Urls.Admission to;
        try {
            to = Urls.admit(AsciiUrl.ofHeader(location.trim()), from); // raw UTF-8, an IDN host: as browsers read them
        } catch (IllegalArgumentException e) {
            to = Urls.Admission.refused(Urls.Refusal.BAD_HOST_NAME);
        }
        if (!to.admitted()) {
            throw FetchException.redirect(Reason.BAD_REDIRECT, refused(to.refusal(), location));
        }
        if (!allowDowngrade && from.getScheme().equalsIgnoreCase("https") && to.uri().getScheme().equals("http")) {
            throw FetchException.redirect(Reason.INSECURE_REDIRECT, "redirect from https to http refused (--allow-downgrade follows it)");
        }
        return to.uri(); // the fragment stays with the client
    }

    private static String refused(Urls.Refusal refusal, String location) {
        switch (refusal) {
            case NOT_HTTP:
                return "redirect to a non-http(s) URL refused: " + scheme(location.trim()) + ":";
            case NO_HOST:
                return "redirect to a URL without a host: " + location;
            case BAD_PORT:
                return "redirect to a port out of range: " + location;
            default:
                return "redirect to an unreadable Location: " + location;
        }
    }

    /** The scheme {@code location} names, lower case, or "" for a relative one (RFC 3986 §3.1). */
    private static String scheme(String location) {
        int colon = location.indexOf(':');
        if (colon < 1 || !Character.isLetter(location.charAt(0))) {
            return "";
        }
        for (int i = 1; i < colon; i++) {
            char c = location.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
                return "";
            }
        }
        return location.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    /**
     * The end of a redirect chain ({@code chain}: the URLs so far, the first one first) past
     * {@code max}: a loop, named from its first URL met twice, or simply too long.
     */
    static FetchException tooMany(List<URI> chain, int max) {
        String budget = "more than " + max + " redirects";
        for (int first = 0; first < chain.size(); first++) {
            int again = chain.subList(first + 1, chain.size()).indexOf(chain.get(first));
            if (again >= 0) {
                StringBuilder cycle = new StringBuilder();
                for (URI u : chain.subList(first, first + again + 2)) {
                    cycle.append(cycle.length() == 0 ? "" : " -> ").append(Urls.redact(u));
                }
                return FetchException.redirect(Reason.REDIRECT_LOOP, "redirect loop " + cycle + " (" + budget + ")");
            }
        }
        return FetchException.redirect(Reason.TOO_MANY_REDIRECTS, budget);
    }
}
