package io.asynccrawler.fetch.netty;

import io.asynccrawler.fetch.BodyReceiver;
import io.asynccrawler.fetch.ExchangeClient;
import io.asynccrawler.fetch.FetchException;
import io.asynccrawler.fetch.FetchSettings;
import io.asynccrawler.fetch.InFlight;
import io.asynccrawler.fetch.RateLimit;
import io.asynccrawler.fetch.Reason;
import io.asynccrawler.fetch.Request;
import io.asynccrawler.transport.Transport;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.pool.ChannelPool;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.netty.util.concurrent.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
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
    /** Origins found to speak HTTP/2 only: their later URLs fail at once, not after a handshake each. */
    private final Set<Origin> http2Only = ConcurrentHashMap.newKeySet();
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
                resolver, settings.limitRate() > 0 ? new RateLimit(settings.limitRate()) : null);
        this.pools = new OriginPools((origin, owner) -> {
            Bootstrap b = bootstrap.clone().remoteAddress(origin.address());
            return new OriginPool(b, new ClientPipeline(origin, parts, owner), connectMillis, idle);
        });
    }

    /**
     * Loads what the first exchange needs (the native transport's library and classes, the HTTP
     * codec's classes) on a daemon thread of its own: a command line calls this first thing, and on
     * a second core the loading overlaps with option parsing instead of following it. Nothing
     * depends on it having run or finished.
     */
    public static void preloadInBackground() {
        Thread preload = new Thread(new Preload(), "preload");
        preload.setDaemon(true);
        preload.start();
    }

    /** A class, not a lambda: the first lambda of a run links the JDK's lambda machinery, let that happen on the preload thread. */
    private static final class Preload implements Runnable {
        @Override
        public void run() {
            try {
                if (Transport.auto() != Transport.NIO) {
                    // The native transports' errno table, built at the first connect (5 ms, on a loop).
                    Class.forName("io.netty.channel.unix.Errors", true, NettyClient.class.getClassLoader());
                }
                Warmup.run();
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                // whoever needs these classes later meets the same error and reports it
            }
        }
    }

    @Override
    public InFlight exchange(Request request, BodyReceiver receiver) {
        PendingExchange pending = new PendingExchange();
        start(request, receiver, pending, true);
        return pending;
    }

    /**
     * Acquires a connection and runs the exchange on it. A kept-alive connection that the server
     * closed while it sat in the pool fails before any response byte; then, once, the exchange runs
     * again on a new connection, as curl and browsers do (it is not a retry of the URL).
     */
    private void start(Request request, BodyReceiver receiver, PendingExchange pending, boolean mayReplace) {
        try {
            startOrThrow(request, receiver, pending, mayReplace);
        } catch (RuntimeException e) {
            // A request the transport cannot even begin (an address Netty refuses): that exchange
            // fails, as on the blocking transport, instead of an exception thrown at whoever called,
            // or lost in a listener, with the URL never ending.
            pending.fail(new FetchException(Reason.ERROR, e.toString(), false, e));
        }
    }

    private void startOrThrow(Request request, BodyReceiver receiver, PendingExchange pending, boolean mayReplace) {
        Origin origin = Origin.of(request.uri(), request.proxy());
        if (origin.https()) {
            CompletableFuture<?> context = tls.get(resolver.executor());
            if (!context.isDone()) {
                context.whenComplete((c, e) -> start(request, receiver, pending, mayReplace));
                return;
            }
            if (context.isCompletedExceptionally()) {
                Throwable cause = context.handle((c, e) -> e).join();
                pending.fail(FetchException.tls("cannot set up TLS: " + cause.getMessage(), cause));
                return;
            }
        }
        if (http2Only.contains(origin)) {
            pending.fail(FetchException.http2Only("found on an earlier URL of " + origin));
            return;
        }
        OriginPools.Entry held = pools.acquiring(origin);
        ChannelPool pool = held.pool;
        // pool.acquire() would take its promise from group.next(), and the connect's registration
        // takes the next loop again: with two loops, every new connection would land on the same one.
        Promise<Channel> acquired = ImmediateEventExecutor.INSTANCE.newPromise();
        pool.acquire(acquired).addListener(f -> {
            pools.acquired(held); // a connection, if any, now holds the pool itself
            if (!f.isSuccess()) {
                pending.fail(Failures.connect(f.cause(), origin, settings.connectTimeout()));
                return;
            }
            Channel channel = (Channel) f.getNow(); // claimed from the idle ones if it came from the pool
            if (pending.aborted()) {
                idle.released(channel);
                pool.release(channel);
                return;
            }
            NettyExchange exchange = new NettyExchange(new Lease(channel, pool, origin), request, receiver, rules);
            if (mayReplace) {
                exchange.replayedIfStale();
            }
            channel.eventLoop().execute(() -> {
                pending.attach(exchange);
                exchange.start();
                exchange.completion().whenComplete((v, e) -> {
                    if (e instanceof FetchException && ((FetchException) e).reason() == Reason.HTTP2_ONLY) {
                        http2Only.add(origin);
                    }
                    if (e == null || !mayReplace || !exchange.failedOnStaleConnection(e)) {
                        pending.finish(e);
                    } else if (!pending.aborted()) {
                        start(request, receiver, pending, false); // the receiver has heard nothing yet
                    } else {
                        abortUntold(receiver, pending, e);
                    }
                });
            });
        });
    }

    /**
     * Ends a replayable exchange that was cancelled before its replay: its receiver, told nothing
     * so far, gets its onAbort (off the event loop, as every receiver call) before the end.
     */
    private void abortUntold(BodyReceiver receiver, PendingExchange pending, Throwable failure) {
        try {
            bodyExecutor.execute(() -> {
                try {
                    receiver.onAbort();
                } finally {
                    pending.finish(failure);
                }
            });
        } catch (RejectedExecutionException closing) {
            pending.finish(failure); // the client is closing: the job that cancelled waits for nothing more
        }
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
