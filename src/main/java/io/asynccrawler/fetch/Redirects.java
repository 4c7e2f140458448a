package io.asynccrawler.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

/** Following a redirect: which statuses, where the Location points, and which targets are refused. */
final class Redirects {
    static final Set<Integer> STATUSES = Set.of(301, 302, 303, 307, 308);

    private Redirects() {
    }

    /** The next URL for a redirect from {@code from}, or a FetchException saying why it is not followed. */
    static URI next(URI from, String location, boolean insecure) throws FetchException {
        if (location == null || location.isBlank()) {
            throw FetchException.redirect(Reason.BAD_REDIRECT, "redirect without a Location header");
        }
        URI to;
        try {
            to = from.resolve(new URI(AsciiUrl.ofHeader(location.trim()))); // raw UTF-8, an IDN host: as browsers read them
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw FetchException.redirect(Reason.BAD_REDIRECT, "redirect to an unreadable Location: " + location);
        }
        String scheme = to.getScheme() == null ? "" : to.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw FetchException.redirect(Reason.BAD_REDIRECT, "redirect to a non-http(s) URL refused: " + scheme + ":");
        }
        if (to.getHost() == null) {
            throw FetchException.redirect(Reason.BAD_REDIRECT, "redirect to a URL without a host: " + location);
        }
        if (to.getPort() > 65535) {
            throw FetchException.redirect(Reason.BAD_REDIRECT, "redirect to a port out of range: " + location);
        }
        if (!insecure && from.getScheme().equalsIgnoreCase("https") && scheme.equals("http")) {
            throw FetchException.redirect(Reason.INSECURE_REDIRECT, "redirect from https to http refused (use --insecure to allow)");
        }
        String path = Urls.removeDotSegments(to.getRawPath());
        return URI.create(to.getScheme() + "://" + to.getRawAuthority() + (path == null || path.isEmpty() ? "/" : path)
                + (to.getRawQuery() == null ? "" : "?" + to.getRawQuery())); // the fragment stays with the client
    }
}
