package io.asynccrawler.fetch.netty;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The shared HTTP/2 connection of each origin that has one: an origin's URLs all go to it, as
 * streams, while it takes them. A connection that goes away (GOAWAY, closed) leaves at once; the
 * origin's next URL opens a new one.
 */
final class Http2Sessions {
    private final ConcurrentHashMap<Origin, Http2Session> sessions = new ConcurrentHashMap<>();
    private final IdleConnections idle;

    /** Sessions that count among {@code idle} while no stream is open. */
    Http2Sessions(IdleConnections idle) {
        this.idle = idle;
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
        session.idleAmong(idle);
        sessions.compute(origin, (o, there) -> {
            if (there != null && there.usable() || !session.usable()) {
                session.retireWhenIdle();
                return there;
            }
            return session;
        });
    }
}
