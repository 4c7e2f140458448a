package io.asynccrawler.fetch.netty;

import io.netty.channel.Channel;
import io.netty.channel.pool.ChannelPool;

/**
 * A pooled connection lent to one exchange, and where it goes back.
 *
 * @param channel the connection
 * @param pool    its Origin's pool
 * @param origin  the Origin it is connected to
 */
record Lease(Channel channel, ChannelPool pool, Origin origin) {
}
