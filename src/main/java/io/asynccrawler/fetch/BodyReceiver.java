package io.asynccrawler.fetch;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Takes one response as a transport reads it. Calls come in order, one at a time, and never on an
 * event loop thread, so an implementation may block on the disk.
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
