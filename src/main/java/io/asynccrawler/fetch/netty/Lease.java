package io.asynccrawler.fetch.netty;

import io.asynccrawler.fetch.FetchException;
import io.asynccrawler.fetch.Protocol;
import io.asynccrawler.fetch.Request;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;

/**
 * What one exchange runs on, lent to it until {@link #release}: an HTTP/1.1 connection from its
 * origin's pool ({@link Http1Lease}), or one stream of a shared HTTP/2 connection
 * ({@link StreamLease}). The exchange itself (timers, receiver, pump, completion) is the same on
 * both; what the lease reads from the wire it hands to the exchange as a head, body pieces and an
 * end. All methods on the channel's event loop.
 */
interface Lease {
    /** Where the response is read: an exchange's ReadGate holds this channel's reading while the disk is slow. */
    Channel channel();

    Origin origin();

    Protocol protocol();

    /** Makes {@code exchange} the one that hears what arrives; the failure it ends with at once (a lost connection), or null. */
    FetchException begin(NettyExchange exchange);

    /**
     * Sends {@code request}.
     *
     * @throws IllegalArgumentException for a header that may not be sent
     */
    ChannelFuture send(Request request);

    /** Gives the connection back to its pool, closes it, or ends the stream; once, after {@link #begin}. */
    void release(boolean reusable);

    /** Whether a failure now falls in the TLS handshake (a close then means the handshake failed). */
    boolean inHandshake();

    /**
     * Whether {@code failure} left the request unprocessed, so that it may go out again on another
     * connection: a kept-alive connection the server had closed, a stream the server refused.
     */
    boolean replayable(FetchException failure, boolean headSeen);
}
