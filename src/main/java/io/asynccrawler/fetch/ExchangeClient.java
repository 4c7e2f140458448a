package io.asynccrawler.fetch;

/** A transport: runs one exchange (one request, its response streamed into a receiver) at a time per call. */
public interface ExchangeClient extends AutoCloseable {
    /** Sends {@code request} and feeds the response to {@code receiver}; see {@link InFlight}. */
    InFlight exchange(Request request, BodyReceiver receiver);

    @Override
    void close();
}
