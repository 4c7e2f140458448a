package io.asynccrawler.fetch;

import java.time.Duration;
import java.util.List;

/**
 * How every URL of a job is fetched; the same for every mode (async, sync, threads, virtual).
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
 * @param insecure       accept any TLS certificate and https-to-http redirects
 * @param compressed     ask for gzip/deflate and save the decoded bytes
 * @param resume         keep the part file of a failed or interrupted download and continue it
 *                       with a Range request (asks for identity bodies, so offsets are the server's)
 */
public record FetchSettings(Duration connectTimeout, Duration readTimeout, Duration timeout, int retries,
                            int maxRedirects, List<Header> headers, String userAgent, long maxSize,
                            boolean overwrite, boolean insecure, boolean compressed, boolean resume) {
    public FetchSettings {
        headers = List.copyOf(headers);
    }

    /** The defaults of DESIGN §1. */
    public static FetchSettings defaults(String userAgent) {
        return new FetchSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), null, 2, 10, List.of(),
                userAgent, -1, false, false, true, false);
    }
}
