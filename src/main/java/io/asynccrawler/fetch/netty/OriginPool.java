package io.asynccrawler.fetch.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.DefaultChannelPromise;
import io.netty.channel.pool.ChannelHealthChecker;
import io.netty.channel.pool.ChannelPoolHandler;
import io.netty.channel.pool.SimpleChannelPool;
import io.netty.resolver.AddressResolver;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One origin's keep-alive pool (most recently used first), whose new connections to a host name try
 * each of the name's addresses in turn until one connects, as curl, wget and browsers do: a name
 * with a dead server among its addresses still works. Netty's Bootstrap connects to the first only.
 *
 * <p>The connect timeout bounds the attempts together; each gets the time left shared among the
 * addresses left (as curl does), so one silent address cannot use it all. An IP literal has one
 * address and connects as before.
 *
 * <p>An idle connection leaves the pool only if the idle cap has not closed it meanwhile
 * ({@link IdleConnections#claim}): the cap may close it from another event loop, where it still
 * looks active.
 */
final class OriginPool extends SimpleChannelPool {
    private final long connectTimeoutNanos;
    private final IdleConnections idle;

    OriginPool(Bootstrap bootstrap, ChannelPoolHandler handler, long connectTimeoutMillis, IdleConnections idle) {
        super(bootstrap, handler, ChannelHealthChecker.ACTIVE, true, true);
        this.connectTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(connectTimeoutMillis);
        this.idle = idle;
    }

    /** The most recently used idle connection that is still the pool's to hand out; null when none is. */
    @Override
    protected Channel pollChannel() {
        for (Channel channel = super.pollChannel(); channel != null; channel = super.pollChannel()) {
            if (idle.claim(channel)) {
                return channel;
            }
            // closed, or being closed, by the cap (or by the server): dropped from the pool
        }
        return null;
    }

    @Override
    protected ChannelFuture connectChannel(Bootstrap bs) {
        SocketAddress remote = bs.config().remoteAddress();
        if (!(remote instanceof InetSocketAddress) || !((InetSocketAddress) remote).isUnresolved()) {
            return bs.connect();
        }
        // As Bootstrap.connect does: the channel first, then the lookup (off the loop, OffLoopResolver).
        ChannelFuture registered = bs.register();
        if (registered.isDone() && !registered.isSuccess()) {
            return registered; // no channel could be made (out of file descriptors, say)
        }
        Attempts attempts = new Attempts(registered.channel(), bs);
        registered.addListener(r -> {
            if (!r.isSuccess()) {
                registered.channel().close();
                attempts.tryFailure(r.cause());
                return;
            }
            @SuppressWarnings("unchecked") // the bootstrap's resolver is an OffLoopResolver, for socket addresses
            AddressResolver<SocketAddress> resolver = (AddressResolver<SocketAddress>) bs.config().resolver()
                    .getResolver(registered.channel().eventLoop());
            resolver.resolveAll(remote).addListener((Future<List<SocketAddress>> all) -> {
                if (!all.isSuccess() || all.getNow().isEmpty()) {
                    registered.channel().close();
                    attempts.tryFailure(all.isSuccess() ? new UnknownHostException(remote.toString()) : all.cause());
                    return;
                }
                attempts.begin(all.getNow(), System.nanoTime() + connectTimeoutNanos);
            });
        });
        return attempts;
    }

    /**
     * The connect of one new connection, across addresses: it completes with the first channel that
     * connects, or with the last failure. Until then it stands for the first channel (registered,
     * so its event loop runs this promise's listeners): a later one may fail before it has a loop.
     */
    private static final class Attempts extends DefaultChannelPromise {
        private final Bootstrap bootstrap;
        private volatile Channel current;
        private List<SocketAddress> addresses;
        private long deadline;

        Attempts(Channel first, Bootstrap bootstrap) {
            super(first);
            this.current = first;
            this.bootstrap = bootstrap;
        }

        @Override
        public Channel channel() {
            return current;
        }

        void begin(List<SocketAddress> all, long deadlineNanos) {
            this.addresses = all;
            this.deadline = deadlineNanos;
            attempt(0);
        }

        /** Connects to address {@code i}: the registered channel for the first, a new one for each next. */
        private void attempt(int i) {
            int millis = share(i);
            ChannelFuture connect;
            if (i == 0) {
                current.config().setConnectTimeoutMillis(millis);
                connect = current.connect(addresses.get(0));
            } else {
                connect = bootstrap.clone().option(ChannelOption.CONNECT_TIMEOUT_MILLIS, millis).connect(addresses.get(i));
            }
            Channel channel = connect.channel();
            connect.addListener(c -> {
                if (c.isSuccess()) {
                    current = channel;
                    trySuccess();
                } else if (i + 1 < addresses.size() && System.nanoTime() < deadline) {
                    channel.close();
                    attempt(i + 1);
                } else {
                    channel.close();
                    tryFailure(c.cause());
                }
            });
        }

        /** The time left, shared among the addresses left; at least 1 ms (0 would mean no timeout). */
        private int share(int i) {
            long left = Math.max(0, deadline - System.nanoTime()) / (addresses.size() - i);
            return (int) Math.max(1, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(left)));
        }
    }
}
