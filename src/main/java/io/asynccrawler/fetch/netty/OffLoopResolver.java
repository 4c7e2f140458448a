package io.asynccrawler.fetch.netty;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.internal.SocketUtils;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Name lookups through the system resolver (hosts file, nsswitch, like curl and wget), each on a
 * thread of a pool of their own: {@code getaddrinfo} blocks, and must never run on an event loop
 * thread. Many names are looked up at once (as many as requests may be in flight, within bounds),
 * as curl's threaded resolver runs one lookup per transfer: a list over many hosts waits for its
 * name server's latency once per batch, not once per host (1,000 hosts, 50 ms a lookup: 25 s with
 * two lookups at a time). The answer comes back on the event loop of the channel that asked.
 */
final class OffLoopResolver extends AddressResolverGroup<InetSocketAddress> {
    /** Lookups at once: the default concurrency's worth. Threads come as lookups overlap and go when idle. */
    static final int DEFAULT_LOOKUPS = 64;

    /** How a host name becomes its addresses, in the resolver's order: the system resolver, or a test's. */
    @FunctionalInterface
    interface NameLookup {
        InetAddress[] lookup(String host) throws UnknownHostException;
    }

    /** A lookup that did not answer within the connect timeout (the system resolver's own can be far longer). */
    static final class LookupTimeout extends UnknownHostException {
        LookupTimeout(String host) {
            super(host);
        }
    }

    private final NameLookup lookup;
    private final ThreadPoolExecutor threads;
    private final long timeoutNanos;

    /** The system resolver, {@code maxLookups} lookups at once at most, each given up after {@code timeout}. */
    OffLoopResolver(int maxLookups, Duration timeout) {
        this(SocketUtils::allAddressesByName, maxLookups, timeout);
    }

    OffLoopResolver(NameLookup lookup, int maxLookups, Duration timeout) {
        this.lookup = lookup;
        this.timeoutNanos = timeout.toNanos();
        this.threads = new ThreadPoolExecutor(maxLookups, maxLookups, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                new DefaultThreadFactory("fetch-dns", true));
        threads.allowCoreThreadTimeOut(true);
    }

    /** The lookup threads, for other blocking set-up work (the TLS context). */
    Executor executor() {
        return threads;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor loop) {
        return new Lookup(loop).asAddressResolver();
    }

    /** Stops the lookup threads; a lookup still blocked in the system resolver ends on its own (daemon threads). */
    @Override
    public void close() {
        super.close();
        threads.shutdownNow();
    }

    private final class Lookup extends InetNameResolver {
        Lookup(EventExecutor loop) {
            super(loop);
        }

        @Override
        protected void doResolve(String host, Promise<InetAddress> promise) throws UnknownHostException {
            if (NetUtil.isValidIpV4Address(host) || NetUtil.isValidIpV6Address(host)) {
                promise.setSuccess(SocketUtils.addressByName(host)); // a literal: parsed, never looked up
                return;
            }
            offLoop(host, promise, () -> lookup.lookup(host)[0]);
        }

        @Override
        protected void doResolveAll(String host, Promise<List<InetAddress>> promise) throws UnknownHostException {
            if (NetUtil.isValidIpV4Address(host) || NetUtil.isValidIpV6Address(host)) {
                promise.setSuccess(List.of(SocketUtils.addressByName(host)));
                return;
            }
            offLoop(host, promise, () -> Arrays.asList(lookup.lookup(host)));
        }

        /**
         * Looks {@code host} up on a lookup thread; the connect timeout counts from here, as curl's
         * does (a lookup still blocked in the system resolver after it ends on its own, unheard).
         */
        private <T> void offLoop(String host, Promise<T> promise, Answer<T> answer) {
            ScheduledFuture<?> timer = executor().schedule(() -> promise.tryFailure(new LookupTimeout(host)),
                    timeoutNanos, TimeUnit.NANOSECONDS);
            promise.addListener(f -> timer.cancel(false));
            try {
                threads.execute(() -> {
                    try {
                        promise.trySuccess(answer.get());
                    } catch (UnknownHostException | RuntimeException e) {
                        promise.tryFailure(e);
                    }
                });
            } catch (RejectedExecutionException e) {
                promise.tryFailure(e); // the client is closing
            }
        }
    }

    @FunctionalInterface
    private interface Answer<T> {
        T get() throws UnknownHostException;
    }
}
