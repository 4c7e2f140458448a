package io.asynccrawler.fetch;

import java.nio.file.Path;

/**
 * The receiving end of one exchange as the fetch policy sees it: a BodyReceiver that can say,
 * once the exchange ended, what came and what was kept. One is made per attempt ({@link Receivers}):
 * a file ({@link ExchangeBody}, the default), memory ({@link MemoryBody}: robots.txt), and later a
 * tee for WARC or a page for link extraction.
 */
public interface Receiver extends BodyReceiver {
    /** The response head, or null if none arrived. */
    ResponseHead head();

    /** Bytes kept after decoding (a resumed file's earlier bytes included). */
    long saved();

    /** Where the body was kept, relative to the output directory, for the report; null when not in a file. */
    Path file();

    /** Bytes that were already in the part file when this exchange continued it (--resume), else 0. */
    default long resumedFrom() {
        return 0;
    }

    /** Bytes left in the part file for a later --resume once this exchange failed or was stopped, else 0. */
    default long keptInPart() {
        return 0;
    }

    /** A 416 said the part file already held the whole body: it has been published (--resume). */
    default boolean completedFromPart() {
        return false;
    }

    /**
     * A 416 without Content-Range (Apache 2.4, lighttpd) for a part as long as the body's known
     * length: likely whole, to be confirmed by asking for its last byte again (--resume).
     */
    default boolean partNeedsConfirming() {
        return false;
    }

    /** A 416 said the part file cannot be continued: it is gone, and a new request starts over (--resume). */
    default boolean partDiscarded() {
        return false;
    }
}
