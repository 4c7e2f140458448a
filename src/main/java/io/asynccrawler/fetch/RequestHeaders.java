package io.asynccrawler.fetch;

import io.asynccrawler.save.ServerTimes;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The request headers of a job, built once: what every request carries, and what only requests to
 * a URL's own origin carry on top (-H headers, credentials from the URL or -u), so that a redirect
 * to another origin never takes them along; a netrc's login goes to its own host, whichever URL
 * led there.
 */
final class RequestHeaders {
    /**
     * Names of files that are compressed already: asked for without Accept-Encoding, so that a
     * server compressing on the fly (nginx gzip_types *, Apache SetOutputFilter DEFLATE) leaves
     * them alone. Else a .tar.gz came gzipped twice, and was kept so, as its name says gzip.
     */
    private static final String[] COMPRESSED_SUFFIXES = {
        ".gz", ".tgz", ".svgz", ".zip", ".bz2", ".tbz2", ".xz", ".txz", ".zst", ".br", ".7z", ".lz", ".lzma", ".z"};

    private final List<Header> anyOrigin;
    private final List<Header> ownOrigin;
    /** The same, without Accept-Encoding: for compressed files. */
    private final List<Header> anyOriginPlain;
    private final List<Header> ownOriginPlain;
    private final boolean ownHasAuthorization;
    private final Credentials credentials;
    private final CookieJar cookies;
    private final String cookieLine;
    private final boolean ownHasCookie;

    RequestHeaders(FetchSettings settings) {
        credentials = settings.credentials();
        cookies = settings.cookies();
        cookieLine = settings.cookieLine();
        List<Header> base = new ArrayList<>();
        base.add(new Header("User-Agent", settings.userAgent()));
        base.add(new Header("Accept", "*/*"));
        anyOriginPlain = List.copyOf(base);
        if (settings.compressed()) {
            base.add(new Header("Accept-Encoding", Codings.acceptEncoding()));
        }
        anyOrigin = List.copyOf(base);
        for (Header h : settings.headers()) {
            base.removeIf(existing -> existing.is(h.name()));
            base.add(h);
        }
        ownOrigin = List.copyOf(base);
        List<Header> plain = new ArrayList<>(base);
        plain.removeIf(h -> h.is("Accept-Encoding") && !settings.headers().contains(h)); // an -H Accept-Encoding stays
        ownOriginPlain = List.copyOf(plain);
        ownHasAuthorization = ownOrigin.stream().anyMatch(h -> h.is("Authorization"));
        ownHasCookie = ownOrigin.stream().anyMatch(h -> h.is("Cookie"));
    }

    /** Whether {@code uri}'s path names a compressed file ({@code .tar.gz}, {@code .zip}, ...). */
    static boolean namesCompressedFile(URI uri) {
        String path = uri.getRawPath();
        if (path == null) {
            return false;
        }
        String lower = path.toLowerCase(Locale.ROOT);
        for (String suffix : COMPRESSED_SUFFIXES) {
            if (lower.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** The Cookie value for {@code uri}: the jar's, and -b's literal ones for a given URL's origin; null for none. */
    private String cookieFor(URI uri, boolean own) {
        String jar = cookies == null ? null : cookies.header(uri);
        if (!own || cookieLine == null) {
            return jar;
        }
        return jar == null ? cookieLine : cookieLine + "; " + jar;
    }

    /** What a response to {@code uri} with {@code head} tells the jar (Set-Cookie), if there is one. */
    void received(URI uri, ResponseHead head) {
        if (cookies != null && head != null) {
            cookies.receive(uri, head.values("set-cookie"));
        }
    }

    /** -N's conditional headers for a saved file. */
    static List<Header> conditional(ServerTimes.Condition saved) {
        Header since = new Header("If-Modified-Since", saved.ifModifiedSince());
        return saved.ifNoneMatch() == null ? List.of(since) : List.of(since, new Header("If-None-Match", saved.ifNoneMatch()));
    }

    /** The headers of a request for {@code uri}, in a download that started at {@code target}; a list that may be shared. */
    List<Header> forRequest(URI uri, URI target) {
        boolean plain = namesCompressedFile(uri);
        boolean own = Urls.sameOrigin(uri, target);
        List<Header> headers = own ? (plain ? ownOriginPlain : ownOrigin) : (plain ? anyOriginPlain : anyOrigin);
        String cookie = own && ownHasCookie ? null : cookieFor(uri, own); // an -H Cookie wins over the jar
        if (cookie != null) {
            headers = new ArrayList<>(headers);
            headers.add(new Header("Cookie", cookie));
        }
        if (own && ownHasAuthorization) {
            return headers; // an -H Authorization wins over any credentials
        }
        String userInfo = target.getRawUserInfo();
        String authorization;
        if (own && userInfo != null) {
            String decoded = URLDecoder.decode(userInfo.replace("+", "%2B"), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            authorization = Credentials.basic(colon < 0 ? decoded : decoded.substring(0, colon), colon < 0 ? "" : decoded.substring(colon + 1));
        } else {
            authorization = credentials.authorizationFor(uri, target);
        }
        if (authorization == null) {
            return headers;
        }
        List<Header> withCredentials = new ArrayList<>(headers);
        withCredentials.add(new Header("Authorization", authorization));
        return withCredentials;
    }
}
