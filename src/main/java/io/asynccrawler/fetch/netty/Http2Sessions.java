package io.asynccrawler.fetch.netty;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shared HTTP/2 connection of each origin that has one: an origin's URLs all go to it, as
 * streams, while it takes them. A connection that goes away (GOAWAY, closed) leaves at once; the
 * origin's next URL opens a new one.
 */
final class Http2Sessions {
    private final ConcurrentHashMap<Origin, Http2Session> sessions = new ConcurrentHashMap<>();
    private final IdleConnections idle;
    private final Duration readTimeout;

    /** Sessions that count among {@code idle} while no stream is open, and close after {@code readTimeout} of silence. */
    Http2Sessions(IdleConnections idle, Duration readTimeout) {
        this.idle = idle;
        this.readTimeout = readTimeout;
    }

    /** {@code origin}'s connection if it still takes streams, else null. */
    Http2Session get(Origin origin) {
        Http2Session s = sessions.get(origin);
        return s != null && s.usable() ? s : null;
    }

    /**
     * Makes {@code session} {@code origin}'s connection, unless one that still takes streams is
     * there already (two connections raced): then this one serves the URL that opened it and
     * closes when its streams end.
     */
    void adopt(Origin origin, Http2Session session) {
        session.onGone(() -> sessions.remove(origin, session));
        session.watch(idle, readTimeout);
        sessions.compute(origin, (o, there) -> {
            if (there != null && there.usable() || !session.usable()) {
                session.retireWhenIdle();
                return there;
            }
            return session;
        });
    }
}
