package io.asynccrawler.fetch;

/** A transport: runs one exchange (one request, its response streamed into a receiver) at a time per call. */
public interface ExchangeClient extends AutoCloseable {
    /** Sends {@code request} and feeds the response to {@code receiver}; see {@link InFlight}. */
    InFlight exchange(Request request, BodyReceiver receiver);

    /**
     * No new URL will start: a connection whose exchange ends may close now rather than wait idle
     * until {@link #close()} (a redirect or retry still under way opens a new one). Spreads the
     * closing over the job's tail instead of leaving all of it for the end.
     */
    default void noMoreUrls() {
    }

    /**
     * Whether the calling thread may block (on a report written to a pipe nobody reads, say):
     * false on the transport's own event loops, where every exchange would wait with it. A job
     * reports a result on the thread that completed it when this allows, else on a thread of its own.
     */
    default boolean mayBlockHere() {
        return false;
    }

    @Override
    void close();
}
