package io.asynccrawler.fetch.netty;

import io.asynccrawler.fetch.FetchSettings;
import io.asynccrawler.transport.Transport;

/**
 * How a NettyClient is made: {@link #of} with what every client needs, then {@code with...} for
 * the limits a job sizes from its open-file budget.
 *
 * @param transport  epoll, io_uring or nio
 * @param fetch      timeouts and TLS choices
 * @param tls        the client TLS context (see {@link ClientTls})
 * @param eventLoops event loop threads
 * @param maxIdle    idle connections kept in all pools together; past that, the one idle longest
 *                   closes (see {@link NettyClient#maxIdleFor(int)})
 * @param maxLookups host names looked up at once (see {@link NettyClient#lookupsFor(int)})
 * @param maxFiles   bodies saved at once (each holds a part file open; the others wait, reading
 *                   paused: {@link FileSlots}); {@code Integer.MAX_VALUE} for no limit
 */
public record ClientSettings(Transport transport, FetchSettings fetch, ClientTls tls, int eventLoops, int maxIdle,
                             int maxLookups, int maxFiles) {
    public static ClientSettings of(Transport transport, FetchSettings fetch, ClientTls tls, int eventLoops) {
        return new ClientSettings(transport, fetch, tls, eventLoops, NettyClient.DEFAULT_MAX_IDLE,
                OffLoopResolver.DEFAULT_LOOKUPS, Integer.MAX_VALUE);
    }

    public ClientSettings withMaxIdle(int n) {
        return new ClientSettings(transport, fetch, tls, eventLoops, n, maxLookups, maxFiles);
    }

    public ClientSettings withMaxLookups(int n) {
        return new ClientSettings(transport, fetch, tls, eventLoops, maxIdle, n, maxFiles);
    }

    public ClientSettings withMaxFiles(int n) {
        return new ClientSettings(transport, fetch, tls, eventLoops, maxIdle, maxLookups, n);
    }
}
