package io.asynccrawler.fetch;

import io.asynccrawler.save.FileSink;
import io.asynccrawler.save.OutputDirectory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * The receiving end of one exchange for a Target: a 2xx body goes through the content decoder into
 * a FileSink and is published only when its framing, Content-Length and compressed stream all say
 * it is complete; any other body is read briefly (to keep the connection) and dropped.
 */
final class ExchangeBody implements BodyReceiver {
    /** Read at most this much of an unwanted body, then close rather than drain. */
    private static final long DISCARD_LIMIT = 64 * 1024;

    private final OutputDirectory dir;
    private final Path file;
    private final long maxSize;
    private volatile ResponseHead head;
    /** Volatile: an abort may come from another thread while a blocking transport is stuck in a read. */
    private volatile FileSink sink;
    private ContentDecoder decoder;
    private long raw;
    private volatile long decoded;

    ExchangeBody(OutputDirectory dir, Path file, long maxSize) {
        this.dir = dir;
        this.file = file;
        this.maxSize = maxSize;
    }

    /** The response head, or null if none arrived. */
    ResponseHead head() {
        return head;
    }

    /** Bytes saved after decoding. */
    long saved() {
        return decoded;
    }

    private boolean saving() {
        return sink != null;
    }

    @Override
    public void onHead(ResponseHead head) throws IOException {
        this.head = head;
        head.checkFraming();
        if (head.status() / 100 != 2) {
            return;
        }
        String encoding = head.header("content-encoding");
        decoder = ContentDecoder.forEncoding(encoding);
        boolean identity = encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("identity");
        if (maxSize >= 0 && identity && head.contentLength() > maxSize) {
            throw FetchException.tooLarge(maxSize);
        }
        try {
            sink = FileSink.open(dir, file);
        } catch (IOException e) {
            throw FetchException.writeError(e);
        }
    }

    @Override
    public boolean onBody(ByteBuffer bytes) throws IOException {
        raw += bytes.remaining();
        if (!saving()) {
            bytes.position(bytes.limit());
            return raw <= DISCARD_LIMIT;
        }
        decoder.decode(bytes, this::save);
        return true;
    }

    private void save(ByteBuffer out) throws IOException {
        long total = decoded + out.remaining();
        if (maxSize >= 0 && total > maxSize) {
            throw FetchException.tooLarge(maxSize);
        }
        try {
            sink.write(out);
        } catch (IOException e) {
            throw FetchException.writeError(e);
        }
        decoded = total;
    }

    @Override
    public void onEnd() throws IOException {
        if (!saving()) {
            return;
        }
        long expected = head.contentLength();
        if (expected >= 0 && raw != expected) {
            throw FetchException.truncated("got " + raw + " of " + expected + " bytes");
        }
        decoder.finish();
        decoder.close();
        try {
            sink.commit();
        } catch (IOException e) {
            throw FetchException.writeError(e);
        }
    }

    @Override
    public void onAbort() {
        if (sink != null) {
            sink.abort();
        }
        if (decoder != null) {
            decoder.close();
        }
    }
}
