package io.asynccrawler.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * A receiver that keeps a 2xx body in memory, decoded, up to a limit: past it the exchange fails
 * as {@code too_large}, or, made {@link #truncating}, the first bytes are kept and the rest is not
 * read (robots.txt: RFC 9309 asks a crawler to read at least 500 KiB of it). Any other body is read
 * briefly, to keep the connection, and dropped. The bytes are there once the exchange completed.
 */
public final class MemoryBody implements Receiver {
    /** Read at most this much of an unwanted body, then close rather than drain (as a file body). */
    private static final long DISCARD_LIMIT = 64 * 1024;

    private final int limit;
    /** Past the limit: keep what came and stop reading, rather than fail. */
    private final boolean truncates;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private volatile ResponseHead head;
    private ContentDecoder decoder;
    private long raw;
    private volatile boolean complete;
    private boolean full;

    /** @param limit the most bytes kept after decoding: a longer body fails the exchange as {@code too_large} */
    public MemoryBody(int limit) {
        this(limit, false);
    }

    private MemoryBody(int limit, boolean truncates) {
        this.limit = limit;
        this.truncates = truncates;
    }

    /** A body of which the first {@code limit} bytes are kept, and the rest not read. */
    public static MemoryBody truncating(int limit) {
        return new MemoryBody(limit, true);
    }

    /** A new MemoryBody for each exchange: one fetch's redirects and retries each get their own. */
    public static Receivers each(int limit, java.util.function.Consumer<MemoryBody> opened) {
        return each(() -> new MemoryBody(limit), opened);
    }

    /** A new body from {@code make} for each exchange, each told to {@code opened} as it is made. */
    public static Receivers each(java.util.function.Supplier<MemoryBody> make, java.util.function.Consumer<MemoryBody> opened) {
        return (target, point) -> {
            MemoryBody b = make.get();
            opened.accept(b);
            return b;
        };
    }

    /** Whether the body was longer than the limit and only its start was kept ({@link #truncating}). */
    public synchronized boolean truncated() {
        return full;
    }

    /** The decoded body of a 2xx response that ended where its framing says, else null. */
    public synchronized byte[] bytes() {
        return complete ? body.toByteArray() : null;
    }

    @Override
    public ResponseHead head() {
        return head;
    }

    @Override
    public synchronized long saved() {
        return complete ? body.size() : 0;
    }

    @Override
    public Path file() {
        return null;
    }

    @Override
    public void onHead(ResponseHead head) throws IOException {
        this.head = head;
        head.checkFraming();
        if (head.status() / 100 == 2) {
            decoder = ContentDecoder.forEncoding(head.header("content-encoding"));
        }
    }

    @Override
    public boolean onBody(ByteBuffer bytes) throws IOException {
        raw += bytes.remaining();
        if (decoder == null) {
            bytes.position(bytes.limit());
            return raw <= DISCARD_LIMIT;
        }
        decoder.decode(bytes, this::keep);
        synchronized (this) {
            if (full) {
                complete = true; // the start is all that is wanted: the transport ends the exchange here
                decoder.close();
                return false;
            }
        }
        return true;
    }

    private synchronized void keep(ByteBuffer out) throws FetchException {
        if (full) {
            out.position(out.limit());
            return;
        }
        if (body.size() + out.remaining() > limit) {
            if (!truncates) {
                throw FetchException.tooLarge(limit);
            }
            byte[] start = new byte[limit - body.size()];
            out.get(start);
            out.position(out.limit());
            body.write(start, 0, start.length);
            full = true;
            return;
        }
        byte[] chunk = new byte[out.remaining()];
        out.get(chunk);
        body.write(chunk, 0, chunk.length);
    }

    @Override
    public void onEnd() throws IOException {
        if (decoder == null) {
            return;
        }
        head.checkBodyLength(raw);
        decoder.finish();
        decoder.close();
        synchronized (this) {
            complete = true;
        }
    }

    @Override
    public void onAbort() {
        if (decoder != null) {
            decoder.close();
        }
        synchronized (this) {
            body.reset();
        }
    }
}
