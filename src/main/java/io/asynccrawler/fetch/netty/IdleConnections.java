package io.asynccrawler.fetch.netty;

import io.netty.channel.Channel;
import java.util.Iterator;
import java.util.LinkedHashSet;

/**
 * Connections idle in the pools, of all origins together, oldest first; past the cap the oldest
 * closes. A job over many hosts leaves a kept-alive connection with each host it visited: without
 * a cap they pile up until every server times them out, and with them open files, up to the
 * limit. curl keeps at most 4 times its parallel transfers alive; so does the crawler, and at
 * least 64. A closed connection stays in its pool until the pool next polls it and drops it.
 *
 * <p>Being in this set is what makes an idle connection anyone's to take: the cap closes only one
 * it removed from the set, and a pool hands out only one it removed ({@link #claim}), so the two
 * never both have it. The cap may close a connection of another event loop, and that close runs
 * later, on that loop: until then the connection looks healthy to its pool.
 */
final class IdleConnections {
    private final int max;
    private final LinkedHashSet<Channel> idle = new LinkedHashSet<>();

    IdleConnections(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative: " + max);
        }
        this.max = max;
    }

    /** {@code channel} goes back to its pool: called before it does, so that no one can take it out first. */
    void released(Channel channel) {
        Channel eldest = null;
        synchronized (this) {
            idle.add(channel);
            if (idle.size() > max) {
                Iterator<Channel> it = idle.iterator();
                eldest = it.next();
                it.remove();
            }
        }
        if (eldest != null) {
            eldest.close();
        }
    }

    /**
     * Takes {@code channel}, just taken out of its pool, for an exchange: false when the cap has
     * closed it, or is closing it, since it went back (or it closed), and it must not be used.
     */
    synchronized boolean claim(Channel channel) {
        return idle.remove(channel);
    }

    /** {@code channel} closed: it is no one's to take. */
    void gone(Channel channel) {
        claim(channel);
    }
}
