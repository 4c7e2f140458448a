package io.asynccrawler.fetch;

import java.time.Duration;
import java.util.List;

/**
 * How every URL of a job is fetched; the same for every mode (async, sync, threads, virtual).
 * Made with {@link #builder}: the next settings (proxy, cookies, protocol) are added by name.
 *
 * @param connectTimeout TCP (and TLS) connect limit
 * @param readTimeout    longest silence while waiting for bytes
 * @param timeout        whole-exchange deadline per attempt, or null for none
 * @param retries        extra attempts after a transient failure
 * @param maxRedirects   redirects followed before giving up
 * @param headers        extra request headers, sent only to the URL's own origin
 * @param userAgent      the User-Agent header
 * @param maxSize        largest body kept, after decoding, or -1 for no limit
 * @param overwrite      fetch again when the file already exists
 * @param insecure       accept any TLS certificate
 * @param allowDowngrade follow redirects from https to http (curl's --proto-redir), apart from --insecure
 * @param compressed     ask for gzip/deflate and save the decoded bytes
 * @param resume         keep the part file of a failed or interrupted download and continue it
 *                       with a Range request (asks for identity bodies, so offsets are the server's)
 * @param proxies        which proxy each URL goes through
 * @param credentials    -u and the netrc: what servers are sent as Basic credentials
 * @param limitRate      bytes per second the whole job may receive (--limit-rate), 0 for no limit
 * @param pacing         how far apart the requests to one host start (--wait, --random-wait, --rate)
 * @param timestamping   -N: a saved file is asked for again if changed (If-Modified-Since, If-None-Match),
 *                       and takes the server's Last-Modified
 * @param cookies        the job's cookie jar, or null for no cookies (--no-cookies)
 * @param cookieLine     -b's cookies given as {@code k=v; k2=v2}, sent to each given URL's origin, or null
 * @param http2          when the event loop speaks HTTP/2 (--http1.1, --http2-prior-knowledge)
 */
public record FetchSettings(Duration connectTimeout, Duration readTimeout, Duration timeout, int retries,
                            int maxRedirects, List<Header> headers, String userAgent, long maxSize,
                            boolean overwrite, boolean insecure, boolean allowDowngrade, boolean compressed, boolean resume,
                            Proxies proxies, Credentials credentials, long limitRate, HostPacing pacing,
                            boolean timestamping, CookieJar cookies, String cookieLine, Http2Use http2) {
    public FetchSettings {
        headers = List.copyOf(headers);
    }

    /** The defaults (README's option table). */
    public static FetchSettings defaults(String userAgent) {
        return builder(userAgent).build();
    }

    /** A builder that starts from the defaults. */
    public static Builder builder(String userAgent) {
        return new Builder(userAgent);
    }

    /** A builder that starts from these settings. */
    public Builder toBuilder() {
        return new Builder(userAgent).connectTimeout(connectTimeout).readTimeout(readTimeout).timeout(timeout)
                .retries(retries).maxRedirects(maxRedirects).headers(headers).maxSize(maxSize).overwrite(overwrite)
                .insecure(insecure).allowDowngrade(allowDowngrade).compressed(compressed).resume(resume).proxies(proxies).credentials(credentials).limitRate(limitRate).pacing(pacing).timestamping(timestamping).cookies(cookies, cookieLine)
                .http2(http2);
    }

    /** Settings by name, each starting at its default: no row of adjacent booleans to get wrong. */
    public static final class Builder {
        private final String userAgent;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration timeout;
        private int retries = 2;
        private int maxRedirects = 10;
        private List<Header> headers = List.of();
        private long maxSize = -1;
        private boolean overwrite;
        private boolean insecure;
        private boolean allowDowngrade;
        private boolean compressed = true;
        private boolean resume;
        private Proxies proxies = Proxies.NONE;
        private Credentials credentials = Credentials.NONE;
        private long limitRate;
        private HostPacing pacing = HostPacing.NONE;
        private boolean timestamping;
        private Http2Use http2 = Http2Use.NEGOTIATED;
        private CookieJar cookies;
        private String cookieLine;

        private Builder(String userAgent) {
            this.userAgent = userAgent;
        }

        public Builder connectTimeout(Duration d) {
            connectTimeout = d;
            return this;
        }

        public Builder readTimeout(Duration d) {
            readTimeout = d;
            return this;
        }

        /** The whole-exchange deadline per attempt; null for none. */
        public Builder timeout(Duration d) {
            timeout = d;
            return this;
        }

        public Builder retries(int n) {
            retries = n;
            return this;
        }

        public Builder maxRedirects(int n) {
            maxRedirects = n;
            return this;
        }

        public Builder headers(List<Header> h) {
            headers = h;
            return this;
        }

        /** The largest body kept after decoding; -1 for no limit. */
        public Builder maxSize(long bytes) {
            maxSize = bytes;
            return this;
        }

        public Builder overwrite(boolean on) {
            overwrite = on;
            return this;
        }

        public Builder insecure(boolean on) {
            insecure = on;
            return this;
        }

        public Builder allowDowngrade(boolean on) {
            allowDowngrade = on;
            return this;
        }

        public Builder compressed(boolean on) {
            compressed = on;
            return this;
        }

        public Builder resume(boolean on) {
            resume = on;
            return this;
        }

        public Builder proxies(Proxies p) {
            proxies = p;
            return this;
        }

        public Builder credentials(Credentials c) {
            credentials = c;
            return this;
        }

        /** Bytes per second the whole job may receive; 0 for no limit. */
        public Builder limitRate(long bytesPerSecond) {
            limitRate = bytesPerSecond;
            return this;
        }

        public Builder pacing(HostPacing p) {
            pacing = p;
            return this;
        }

        public Builder http2(Http2Use use) {
            http2 = use;
            return this;
        }

        public Builder timestamping(boolean on) {
            timestamping = on;
            return this;
        }

        /** The job's jar (null: no cookies) and -b's literal cookies for the given URLs' origins (or null). */
        public Builder cookies(CookieJar jar, String line) {
            cookies = jar;
            cookieLine = line;
            return this;
        }

        public FetchSettings build() {
            return new FetchSettings(connectTimeout, readTimeout, timeout, retries, maxRedirects, headers, userAgent,
                    maxSize, overwrite, insecure, allowDowngrade, compressed, resume, proxies, credentials, limitRate, pacing, timestamping, cookies, cookieLine, http2);
        }
    }
}
