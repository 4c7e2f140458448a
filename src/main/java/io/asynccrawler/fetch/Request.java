package io.asynccrawler.fetch;

import java.net.URI;
import java.util.List;

/**
 * One GET to send on one exchange: the URL, every header line in order, and the proxy it goes
 * through (null: direct), which the fetch policy chose: the transports route as they are told.
 */
public record Request(URI uri, List<Header> headers, Proxy proxy) {
    public Request {
        headers = List.copyOf(headers);
    }

    /** A request sent directly. */
    public Request(URI uri, List<Header> headers) {
        this(uri, headers, null);
    }
}
