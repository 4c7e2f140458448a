package io.asynccrawler.fetch;

import java.net.URI;
import java.util.List;

/** One GET to send on one exchange: the URL and every header line, in order. */
public record Request(URI uri, List<Header> headers) {
    public Request {
        headers = List.copyOf(headers);
    }
}
