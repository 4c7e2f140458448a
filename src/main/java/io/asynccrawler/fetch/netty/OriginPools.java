package io.asynccrawler.fetch.netty;

import io.asynccrawler.fetch.FetchException;
import io.asynccrawler.fetch.Protocol;
import io.netty.channel.Channel;
import io.netty.channel.pool.SimpleChannelPool;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * One keep-alive pool per Origin, kept only while the origin has a connection open or one being
 * acquired. A list over ten million hosts would otherwise keep ten million pools (about 1 KiB each,
 * with their connect settings and handler) long after their connections closed: a pool goes when
 * its last connection closes (the server's close, the idle cap's, a failed connect) and comes back
 * at the origin's next URL.
 *
 * <p>Counts change in {@link ConcurrentHashMap#compute}, under the origin's bin lock, so that a
 * pool is never removed while someone takes it: each acquire holds one count until it completes,
 * and each connection one from its creation to its close.
 */
final class OriginPools {
    /**
     * One origin's pool and how many acquires and connections hold it (the count is guarded by the
     * map's compute), and what the origin speaks, known while the entry lasts.
     */
    static final class Entry {
        final Origin origin;
        final SimpleChannelPool pool;
        private int holders;
        /** Guarded by this: the handshake under way that tells what the origin speaks, and whether it told HTTP/1.1. */
        private CompletableFuture<Void> finding;
        private boolean http1;

        private Entry(Origin origin, SimpleChannelPool pool) {
            this.origin = origin;
            this.pool = pool;
        }

        /**
         * Null when the caller goes on to a connection: the origin speaks HTTP/1.1, or nobody is
         * finding out and the caller's connection will ({@link #protocolFound} when it knows). Else
         * the finding out under way: whoever waits for it tries again when it completes.
         */
        synchronized CompletableFuture<Void> findingProtocol() {
            if (http1) {
                return null;
            }
            if (finding != null && !finding.isDone()) {
                return finding;
            }
            finding = new CompletableFuture<>();
            return null;
        }

        /** What the finding connection speaks; those waiting try again, and find it out. */
        void protocolFound(Protocol protocol) {
            CompletableFuture<Void> found;
            synchronized (this) {
                http1 |= protocol == Protocol.HTTP_1_1;
                found = finding;
            }
            if (found != null) {
                found.complete(null);
            }
        }

        /**
         * The finding connection could not connect or shake hands ({@code failure}): those waiting
         * fail so too, at once, as each would have on a connection of its own, rather than each
         * trying in turn (an https host that never answers held 64 URLs for 64 connect timeouts).
         */
        void protocolUnknown(FetchException failure) {
            CompletableFuture<Void> found;
            synchronized (this) {
                found = finding;
            }
            if (found != null) {
                found.completeExceptionally(failure);
            }
        }
    }

    private final ConcurrentHashMap<Origin, Entry> pools = new ConcurrentHashMap<>();
    private final BiFunction<Origin, OriginPools, SimpleChannelPool> newPool;

    /** @param newPool makes an origin's pool; its handler calls {@link #connectionCreated} for each new connection */
    OriginPools(BiFunction<Origin, OriginPools, SimpleChannelPool> newPool) {
        this.newPool = newPool;
    }

    /** The origin's pool for one acquire, made if there is none; {@link #acquired} ends the hold. */
    Entry acquiring(Origin origin) {
        return pools.compute(origin, (o, e) -> {
            Entry entry = e != null ? e : new Entry(o, newPool.apply(o, this));
            entry.holders++;
            return entry;
        });
    }

    /** The acquire from {@code entry} completed, with a connection or without. */
    void acquired(Entry entry) {
        release(entry);
    }

    /** A new connection of {@code origin} holds its pool until it closes. Called while an acquire holds the pool. */
    void connectionCreated(Origin origin, Channel channel) {
        Entry entry = pools.computeIfPresent(origin, (o, e) -> {
            e.holders++;
            return e;
        });
        if (entry == null) {
            throw new IllegalStateException("a connection to " + origin + " made outside an acquire");
        }
        channel.closeFuture().addListener(f -> release(entry));
    }

    private void release(Entry entry) {
        pools.computeIfPresent(entry.origin, (o, e) -> e != entry ? e : --e.holders == 0 ? null : e);
    }

    /** Pools held now. */
    int size() {
        return pools.size();
    }

    /** Closes every pool (and the idle connections in it). */
    void close() {
        for (Entry e : pools.values()) {
            e.pool.close();
        }
        pools.clear();
    }
}
