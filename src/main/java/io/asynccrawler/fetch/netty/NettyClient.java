package io.asynccrawler.fetch.netty;

import io.asynccrawler.fetch.BodyReceiver;
import io.asynccrawler.fetch.ExchangeClient;
import io.asynccrawler.fetch.FetchSettings;
import io.asynccrawler.fetch.InFlight;
import io.asynccrawler.fetch.RateLimit;
import io.asynccrawler.fetch.Request;
import io.asynccrawler.transport.Transport;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The async transport: one event loop group per job, a keep-alive connection pool per Origin,
 * name lookups and disk writes kept off the event loop.
 */
public final class NettyClient implements ExchangeClient {
    /** Idle connections kept alive by default, all origins together: as curl, 4 times the default concurrency (64). */
    public static final int DEFAULT_MAX_IDLE = 256;

    private final EventLoopGroup group;
    /** The group's loops, to tell whether a thread is one of them. */
    private final EventExecutor[] loops;
    private final OffLoopResolver resolver;
    private final ExecutorService bodyExecutor;
    private final OriginPools pools;
    private final ExchangeRouter router;
    private final FetchSettings settings;
    private final LoopLagProbe lag;
    private final ExchangeRules rules;
    /** Set once no new URL will start: connections then close as their exchanges end (see {@link #noMoreUrls()}). */
    private volatile boolean noMoreUrls;
    private final ClientTls tls;
    /** Idle connections in the pools, all origins together, capped. */
    private final IdleConnections idle;
    /** Every open connection, so that close() can close them all at once. */
    private final ChannelGroup connections = new DefaultChannelGroup("fetch-connections", GlobalEventExecutor.INSTANCE);

    /** A client as {@code settings} say; its event loops and disk threads start here, its connections on demand. */
    public NettyClient(ClientSettings settings) {
        this(settings, new OffLoopResolver(settings.maxLookups(), settings.fetch().connectTimeout()));
    }

    /** As above, with names looked up by {@code resolver} (its limit, not the settings', applies). */
    NettyClient(ClientSettings client, OffLoopResolver resolver) {
        Transport transport = client.transport();
        FetchSettings settings = client.fetch();
        ClientTls tls = client.tls();
        FileSlots files = client.maxFiles() == Integer.MAX_VALUE ? FileSlots.UNBOUNDED : new FileSlots(client.maxFiles());
        this.tls = tls;
        this.resolver = resolver;
        this.idle = new IdleConnections(client.maxIdle());
        this.settings = settings;
        Warmup.run();
        this.group = transport.newGroup(client.eventLoops(), new DefaultThreadFactory("fetch-loop", true));
        List<EventExecutor> all = new ArrayList<>();
        group.forEach(all::add);
        this.loops = all.toArray(new EventExecutor[0]);
        this.lag = new LoopLagProbe(group);
        // Receivers block on file creation, writes and renames: a few threads keep the loop free of them.
        this.bodyExecutor = Executors.newFixedThreadPool(Math.max(4, Runtime.getRuntime().availableProcessors() * 2),
                new DefaultThreadFactory("fetch-disk", true));
        this.rules = new ExchangeRules(settings.readTimeout(), settings.timeout(), bodyExecutor, () -> !noMoreUrls, idle, files);
        int connectMillis = (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis());
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channelFactory(transport.socketChannelFactory())
                .resolver(resolver)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectMillis)
                .option(ChannelOption.TCP_NODELAY, true)
                // Reads grow up to 256 KiB while a body streams (Netty's default stops at 64 KiB): a
                // quarter of the reads, wake-ups and disk hand-overs per byte on large files (4 x 256
                // MiB: 1.34 -> 1.16 s). A small response never grows its buffer past its size.
                .option(ChannelOption.RCVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator(64, 2048, 256 * 1024))
                .option(ChannelOption.SO_KEEPALIVE, true);
        ClientPipeline.Parts parts = new ClientPipeline.Parts(tls, settings.insecure(), settings.connectTimeout(), connections, idle,
                resolver, settings.limitRate() > 0 ? new RateLimit(settings.limitRate()) : null, settings.http2());
        this.pools = new OriginPools((origin, owner) -> {
            Bootstrap b = bootstrap.clone().remoteAddress(origin.address());
            return new OriginPool(b, new ClientPipeline(origin, parts, owner), connectMillis, idle);
        });
        this.router = new ExchangeRouter(new ExchangeRouter.Parts(tls, settings, pools, rules, idle, resolver.executor()));
    }

    @Override
    public InFlight exchange(Request request, BodyReceiver receiver) {
        return router.start(request, receiver);
    }

    /** Any thread but an event loop of this client's. */
    @Override
    public boolean mayBlockHere() {
        for (EventExecutor loop : loops) {
            if (loop.inEventLoop()) {
                return false;
            }
        }
        return true;
    }

    /**
     * How many host names a job of {@code concurrency} looks up at once: one per request in flight,
     * as curl's threaded resolver, at least 64 and at most 256 threads (each lookup blocks one).
     */
    public static int lookupsFor(int concurrency) {
        return Math.max(OffLoopResolver.DEFAULT_LOOKUPS, Math.min(concurrency, 256));
    }

    /** How many idle connections a job of {@code concurrency} keeps alive, all origins together: as curl, 4 per transfer, at least 64. */
    public static int maxIdleFor(int concurrency) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(64L, 4L * concurrency));
    }

    /** Connection pools held now: one per origin with a connection open or being acquired. */
    int pools() {
        return pools.size();
    }

    @Override
    public void noMoreUrls() {
        noMoreUrls = true;
    }

    /** The longest any event loop was kept from running a due task: what blocking on it would cost. */
    public Duration longestLoopStall() {
        return lag.maxLag();
    }

    @Override
    public void close() {
        lag.stop();
        // All connections closed at once, before the loops stop, so that no read is left pending
        // (io_uring would lose its buffer). The pools hold nothing else: closing them would visit
        // each connection on its loop in turn (0.2 s for 10,000), so only if the group could not.
        if (!connections.close().awaitUninterruptibly(5, TimeUnit.SECONDS)) {
            pools.close();
        }
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        resolver.close();
        bodyExecutor.shutdown();
        try {
            bodyExecutor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
