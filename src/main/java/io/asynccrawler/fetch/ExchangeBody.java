package io.asynccrawler.fetch;

import io.asynccrawler.save.FileSink;
import io.asynccrawler.save.OutputDirectory;
import io.asynccrawler.save.PartMeta;
import io.asynccrawler.save.ServerTimes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * The receiving end of one exchange for a Target: a 2xx body goes through the content decoder into
 * a FileSink and is published only when its framing, Content-Length and compressed stream all say
 * it is complete; any other body is read briefly (to keep the connection) and dropped. With
 * --resume, a 206 continues the part file found before the request, and the part file of a
 * download that fails on the way is kept for the next try.
 */
final class ExchangeBody implements Receiver, Downloads.Active {
    /** Read at most this much of an unwanted body, then close rather than drain. */
    private static final long DISCARD_LIMIT = 64 * 1024;

    private final OutputDirectory dir;
    private final Path file;
    private final long maxSize;
    /** The URL the part file belongs to, when --resume is on; else null. */
    private final String resumeUrl;
    /** The part file this request asked to continue, or null. */
    private final ResumePoint point;
    /** Told of every byte saved as it is written, and of this body while it is saved (the job's live view). */
    private final Downloads progress;
    /** -N: the saved file takes the server's Last-Modified and keeps its ETag. */
    private boolean serverTimes;
    private volatile ResponseHead head;
    /** Volatile: an abort may come from another thread while a blocking transport is stuck in a read. */
    private volatile FileSink sink;
    private ContentDecoder decoder;
    private long raw;
    private volatile long decoded;
    /** The full length a resumed body must reach (from Content-Range), or -1. */
    private volatile long expectedTotal = -1;
    private volatile long resumedFrom;
    private volatile PartFate part = PartFate.UNDECIDED;
    private volatile long keptInPart;

    ExchangeBody(OutputDirectory dir, Path file, long maxSize, String resumeUrl, ResumePoint point, Downloads progress) {
        this.progress = progress;
        this.dir = dir;
        this.file = file;
        this.maxSize = maxSize;
        this.resumeUrl = resumeUrl;
        this.point = point;
    }

    /** With {@code on} (-N), the saved file takes the server's Last-Modified as its time and keeps its ETag. */
    ExchangeBody keepingServerTimes(boolean on) {
        serverTimes = on;
        return this;
    }

    @Override
    public ResponseHead head() {
        return head;
    }

    @Override
    public long saved() {
        return decoded;
    }

    /** The target's file; null after a 204, which has no body and so saves none (RFC 9110 §15.3.5). */
    @Override
    public Path file() {
        ResponseHead h = head;
        return h != null && h.status() == 204 ? null : file;
    }

    @Override
    public long resumedFrom() {
        return resumedFrom;
    }

    /** The size the file will have: the Content-Range total of a resumed body, the Content-Length of an unencoded one, else -1. */
    @Override
    public long expected() {
        if (expectedTotal >= 0) {
            return expectedTotal;
        }
        ContentDecoder d = decoder;
        ResponseHead h = head;
        return d != null && d.keepsBytes() && h != null ? h.contentLength() : -1;
    }

    @Override
    public long keptInPart() {
        return keptInPart;
    }

    @Override
    public boolean completedFromPart() {
        return part == PartFate.COMPLETED_BY_416;
    }

    @Override
    public boolean partNeedsConfirming() {
        return part == PartFate.CONFIRM_AFTER_416;
    }

    @Override
    public boolean partDiscarded() {
        return part == PartFate.DELETED_BY_416;
    }

    private boolean saving() {
        return sink != null;
    }

    @Override
    public void onHead(ResponseHead head) throws IOException {
        this.head = head;
        head.checkFraming();
        int status = head.status();
        if (status == 416 && point != null) {
            onRangeNotSatisfiable(head);
            return;
        }
        if (status / 100 != 2 || status == 204) {
            return;
        }
        String encoding = head.header("content-encoding");
        // With --resume no Accept-Encoding went out (FetchSettings): a gzip coding is then the server's label
        decoder = ContentDecoder.forResponse(encoding, head.header("content-type"), file.getFileName().toString(), resumeUrl == null);
        boolean identity = decoder.keepsBytes();
        if (status == 206) {
            continuePart(head, identity, encoding);
            return;
        }
        if (maxSize >= 0 && identity && head.contentLength() > maxSize) {
            throw FetchException.tooLarge(maxSize);
        }
        try {
            sink = FileSink.open(dir, file); // a part file from before is replaced: this body starts over
            progress.started(this);
            if (resumeUrl != null && identity) {
                new PartMeta(resumeUrl, head.header("etag"), head.header("last-modified"), head.contentLength()).write(dir, file);
                part = PartFate.KEEP_ON_FAILURE;
            }
        } catch (IOException e) {
            throw FetchException.writeError(e);
        }
    }

    /** A 206: the rest of the part file's body, if its Content-Range says so exactly. */
    private void continuePart(ResponseHead head, boolean identity, String encoding) throws FetchException {
        if (point == null) {
            throw FetchException.badResponse("206 Partial Content to a request without Range");
        }
        part = PartFate.DELETE_ON_FAILURE; // until the range is checked
        if (!identity) {
            throw FetchException.badResponse("a continued body must not be encoded (Content-Encoding " + encoding + ")");
        }
        ResumePoint.ContentRange range = ResumePoint.ContentRange.parse(head.header("content-range"));
        long known = point.meta().length();
        if (range == null || range.first() != point.offset() || range.total() < 0 || range.last() != range.total() - 1
                || (known >= 0 && range.total() != known)) {
            throw new FetchException(Reason.RANGE_MISMATCH, "Content-Range " + head.header("content-range")
                    + " does not continue the " + point.offset() + " bytes saved"
                    + (known >= 0 ? " of " + known : ""), false);
        }
        if (maxSize >= 0 && range.total() > maxSize) {
            throw FetchException.tooLarge(maxSize);
        }
        try {
            sink = FileSink.resume(dir, file, point.offset());
        } catch (IOException e) {
            throw FetchException.writeError(e);
        }
        part = PartFate.KEEP_ON_FAILURE;
        expectedTotal = range.total();
        decoded = point.offset();
        resumedFrom = point.offset();
        progress.started(this);
    }

    /** A 416 to our Range: complete if the server's length is exactly what the part holds, else start over. */
    private void onRangeNotSatisfiable(ResponseHead head) throws FetchException {
        ResumePoint.ContentRange range = ResumePoint.ContentRange.parse(head.header("content-range"));
        long known = point.meta().length();
        if (range == null && known == point.offset() && known > 0) {
            part = PartFate.CONFIRM_AFTER_416; // no total given: the part is left as it is, to be confirmed
            return;
        }
        try {
            if (range != null && range.total() == point.offset() && (known < 0 || known == point.offset())) {
                FileSink.publishPart(dir, file);
                PartMeta.delete(dir, file);
                decoded = point.offset();
                resumedFrom = point.offset();
                part = PartFate.COMPLETED_BY_416;
            } else {
                FileSink.deletePart(dir, file);
                PartMeta.delete(dir, file);
                part = PartFate.DELETED_BY_416;
            }
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
            part = PartFate.DELETE_ON_FAILURE;
            throw FetchException.tooLarge(maxSize);
        }
        int n = out.remaining();
        try {
            sink.write(out);
        } catch (IOException e) {
            throw FetchException.writeError(e);
        }
        decoded = total;
        progress.written(n);
    }

    @Override
    public void onEnd() throws IOException {
        if (!saving()) {
            return;
        }
        progress.ended(this); // a body that fails below ends in onAbort, which says so again: a set forgets twice
        head.checkBodyLength(raw);
        decoder.finish(this::save);
        decoder.close();
        if (expectedTotal >= 0 && decoded != expectedTotal) {
            throw FetchException.truncated("got " + decoded + " of " + expectedTotal + " bytes");
        }
        try {
            sink.commit();
            if (serverTimes) {
                ServerTimes.apply(dir.resolve(file), head.header("last-modified"), head.header("etag"));
            }
            if (part == PartFate.KEEP_ON_FAILURE || !dir.startedEmpty()) {
                // A meta left from an earlier run (whose part this body replaced) must not outlive the
                // file it described; in a directory that started empty there is none to look for.
                PartMeta.delete(dir, file);
            }
        } catch (IOException e) {
            throw FetchException.writeError(e);
        }
    }

    @Override
    public void onAbort() {
        progress.ended(this);
        FileSink s = sink;
        if (s != null && part == PartFate.KEEP_ON_FAILURE) {
            s.keep(); // --resume: what arrived stays, with its meta, for the next try
            keptInPart = decoded;
        } else {
            if (s != null) {
                s.abort();
            }
            if (resumeUrl != null && (s != null || part == PartFate.DELETE_ON_FAILURE)) {
                try {
                    FileSink.deletePart(dir, file);
                    PartMeta.delete(dir, file);
                } catch (IOException ignored) {
                    // a part file without meta is never continued; the next run starts over
                }
            }
        }
        if (decoder != null) {
            decoder.close();
        }
    }
}
