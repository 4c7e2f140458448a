package io.asynccrawler.fetch;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Takes one response as a transport reads it. Calls come in order, one at a time, and never on an
 * event loop thread, so an implementation may block on the disk. The contract every transport keeps:
 * <ul>
 *   <li>{@link #onAbort} too is never called while another call is under way: a cancel from
 *       another thread (Ctrl-C) while the exchange's thread is inside {@link #onBody} waits for
 *       that call to return, and one that finds {@link #onEnd} returned normally is too late (the
 *       exchange succeeded).
 *   <li>{@link #onAbort} is the last call, at most once: an attempt a transport sends again on a new
 *       connection (a kept-alive connection the server had closed as the request went out) is
 *       one the receiver never heard of, and the receiver gets the next attempt's calls instead.
 *   <li>An exchange ends with exactly one of {@link #onEnd} returning normally or {@link #onAbort}
 *       (a receiver that nothing reached may get neither: the exchange's completion says how it ended).
 * </ul>
 */
public interface BodyReceiver {
    /** The response head arrived. Throwing ends the exchange with that failure. */
    void onHead(ResponseHead head) throws IOException;

    /**
     * The next body bytes as they came off the wire (still content-encoded).
     *
     * @return false when the rest of the body is not wanted: the transport closes the connection
     *     and ends the exchange normally
     */
    boolean onBody(ByteBuffer bytes) throws IOException;

    /** The body ended where its framing says; verify and publish. */
    void onEnd() throws IOException;

    /** The exchange failed or was cancelled: drop anything written. Never throws. */
    void onAbort();
}
