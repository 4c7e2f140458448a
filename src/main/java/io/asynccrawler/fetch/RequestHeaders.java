package io.asynccrawler.fetch;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The request headers of a job, built once: what every request carries, and what only requests to
 * a URL's own origin carry on top (-H headers, credentials from the URL), so that a redirect to
 * another origin never takes them along.
 */
final class RequestHeaders {
    private final List<Header> anyOrigin;
    private final List<Header> ownOrigin;
    private final boolean ownHasAuthorization;

    RequestHeaders(FetchSettings settings) {
        List<Header> base = new ArrayList<>();
        base.add(new Header("User-Agent", settings.userAgent()));
        base.add(new Header("Accept", "*/*"));
        if (settings.compressed()) {
            base.add(new Header("Accept-Encoding", "gzip, deflate"));
        }
        anyOrigin = List.copyOf(base);
        for (Header h : settings.headers()) {
            base.removeIf(existing -> existing.is(h.name()));
            base.add(h);
        }
        ownOrigin = List.copyOf(base);
        ownHasAuthorization = ownOrigin.stream().anyMatch(h -> h.is("Authorization"));
    }

    /** The headers of a request for {@code uri}, in a download that started at {@code target}; a list that may be shared. */
    List<Header> forRequest(URI uri, URI target) {
        if (!Urls.sameOrigin(uri, target)) {
            return anyOrigin;
        }
        String userInfo = target.getRawUserInfo();
        if (userInfo == null || ownHasAuthorization) {
            return ownOrigin; // an -H Authorization wins over the URL's credentials
        }
        String decoded = URLDecoder.decode(userInfo.replace("+", "%2B"), StandardCharsets.UTF_8);
        List<Header> withCredentials = new ArrayList<>(ownOrigin);
        withCredentials.add(new Header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(decoded.getBytes(StandardCharsets.UTF_8))));
        return withCredentials;
    }
}
