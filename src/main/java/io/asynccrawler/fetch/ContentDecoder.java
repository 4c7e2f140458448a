package io.asynccrawler.fetch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Undoes a response's Content-Encoding (identity, gzip, deflate, br, zstd, or several stacked) chunk
 * by chunk, and tells whether the compressed stream really ended: a body cut short is an error
 * here, not a short file.
 */
public abstract class ContentDecoder {
    /** Where decoded bytes go. */
    @FunctionalInterface
    public interface Output {
        void write(ByteBuffer decoded) throws IOException;
    }

    /** A decoder for a Content-Encoding header value (null or empty: identity). */
    public static ContentDecoder forEncoding(String contentEncoding) throws FetchException {
        return forNormalized(normalized(contentEncoding), contentEncoding);
    }

    private static String normalized(String contentEncoding) {
        return contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Codings may be stacked ({@code gzip, br}: gzip first, then br): they are undone last first,
     * each decoder's output the next one's input, up to {@link Stacked#MOST} of them.
     */
    private static ContentDecoder forNormalized(String e, String contentEncoding) throws FetchException {
        if (e.indexOf(',') < 0) {
            return single(e, contentEncoding);
        }
        List<ContentDecoder> undoing = new ArrayList<>();
        for (String coding : e.split(",")) {
            ContentDecoder d = single(coding.trim(), contentEncoding);
            if (!d.keepsBytes()) {
                undoing.add(0, d);
            }
        }
        if (undoing.size() > Stacked.MOST) {
            undoing.forEach(ContentDecoder::close);
            throw FetchException.badResponse("more than " + Stacked.MOST + " codings stacked: " + contentEncoding);
        }
        return undoing.isEmpty() ? new Identity() : undoing.size() == 1 ? undoing.get(0) : new Stacked(undoing);
    }

    private static ContentDecoder single(String e, String contentEncoding) throws FetchException {
        switch (e) {
            case "": case "identity": return new Identity();
            case "gzip": case "x-gzip": return new Gunzip();
            case "deflate": return new Deflate();
            case "br":
                if (Codings.brotli()) {
                    return new BrotliDecoding();
                }
                break;
            case "zstd":
                if (Codings.zstd()) {
                    return new ZstdDecoding();
                }
                break;
            default:
                break;
        }
        throw FetchException.badResponse("unsupported Content-Encoding: " + contentEncoding);
    }

    /**
     * The decoder for a response saved as {@code fileName}. A gzip Content-Encoding on a file that
     * is itself gzip (Content-Type application/gzip, or a name ending in .gz, .tgz or .svgz) is the
     * file, as browsers and wget keep it, when nothing was asked (a server that maps the .gz suffix
     * to an encoding, Apache's AddEncoding, sends it even to clients that did not ask for gzip):
     * decoding it would save a tar under the name .tar.gz. When gzip was asked for
     * ({@code askedForGzip}) the server may have compressed the file again on the fly, and
     * {@link OnceGzipped} tells the two apart by the bytes.
     */
    public static ContentDecoder forResponse(String contentEncoding, String contentType, String fileName, boolean askedForGzip)
            throws FetchException {
        String e = normalized(contentEncoding);
        if ((e.equals("gzip") || e.equals("x-gzip")) && (isGzipType(contentType) || isGzipName(fileName))) {
            return askedForGzip ? new OnceGzipped() : new Identity();
        }
        return forNormalized(e, contentEncoding);
    }

    private static boolean isGzipType(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        return type.equals("application/gzip") || type.equals("application/x-gzip");
    }

    private static boolean isGzipName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".gz") || name.endsWith(".tgz") || name.endsWith(".svgz");
    }

    /** Whether the bytes saved are the bytes sent (no Content-Encoding, or one kept as sent). */
    public boolean keepsBytes() {
        return this instanceof Identity;
    }

    /** Decodes {@code in} (consumed whole) into {@code out}. */
    public abstract void decode(ByteBuffer in, Output out) throws IOException;

    /** Checks the encoded stream ended properly; call once the body is over. */
    public abstract void finish() throws IOException;

    /** As {@link #finish()}, writing to {@code out} what a decoder still held ({@link OnceGzipped}). */
    public void finish(Output out) throws IOException {
        finish();
    }

    /** Frees native memory; safe to call more than once. */
    public void close() {
    }

    private static final class Identity extends ContentDecoder {
        @Override
        public void decode(ByteBuffer in, Output out) throws IOException {
            out.write(in);
        }

        @Override
        public void finish() {
        }
    }

    /** Shared inflating loop for gzip members and zlib streams. */
    private abstract static class Inflating extends ContentDecoder {
        private final ByteBuffer window = ByteBuffer.allocate(64 * 1024);
        Inflater inflater;

        /** Inflates from {@code in} until it is consumed or the stream ends; true when it ended. */
        boolean inflate(ByteBuffer in, Output out, CRC32 crc) throws IOException {
            inflater.setInput(in);
            try {
                while (!inflater.finished()) {
                    window.clear();
                    int n = inflater.inflate(window);
                    if (n > 0) {
                        window.flip();
                        if (crc != null) {
                            crc.update(window.duplicate());
                        }
                        out.write(window);
                    } else if (inflater.needsInput() || inflater.needsDictionary()) {
                        break;
                    }
                }
            } catch (DataFormatException e) {
                throw FetchException.badResponse("corrupt compressed body: " + e.getMessage());
            }
            // Inflater reads from the buffer without moving its position: skip what it consumed.
            in.position(in.limit() - inflater.getRemaining());
            return inflater.finished();
        }

        @Override
        public void close() {
            if (inflater != null) {
                inflater.end();
            }
        }
    }

    private static final class Gunzip extends Inflating {
        private final GzipFraming framing = new GzipFraming();
        private final CRC32 crc = new CRC32();
        private long size;
        /** Whether any byte of the body came: an empty body is an empty file, whatever its headers say. */
        private boolean anyByte;

        @Override
        public void decode(ByteBuffer in, Output out) throws IOException {
            anyByte |= in.hasRemaining();
            while (in.hasRemaining()) {
                if (framing.inHeader()) {
                    if (framing.readHeader(in)) {
                        inflater = inflater == null ? new Inflater(true) : inflater;
                        inflater.reset();
                        crc.reset();
                        size = 0;
                    }
                } else if (framing.inBody()) {
                    long before = inflater.getBytesWritten();
                    boolean ended = inflate(in, out, crc);
                    size += inflater.getBytesWritten() - before;
                    if (ended) {
                        framing.bodyEnded();
                    }
                } else if (framing.readTrailer(in)) {
                    framing.checkTrailer(crc.getValue(), size);
                }
            }
        }

        @Override
        public void finish() throws IOException {
            // No byte at all (Content-Length: 0, an empty chunked body) under Content-Encoding: gzip
            // is an empty file, as curl and wget2 save it: object stores replay such headers on
            // empty objects. A stream cut after its first byte is still cut.
            if (anyByte && !framing.atMemberBoundary()) {
                throw FetchException.truncated("gzip stream ends before its trailer");
            }
        }
    }

    private static final class Deflate extends Inflating {
        private boolean started;

        @Override
        public void decode(ByteBuffer in, Output out) throws IOException {
            if (!in.hasRemaining() || (inflater != null && inflater.finished())) {
                in.position(in.limit());
                return;
            }
            if (!started) {
                // RFC 9110 says zlib-wrapped; some servers send raw deflate. A zlib header is
                // CM=8 with the first two bytes a multiple of 31.
                int b0 = in.get(in.position()) & 0xff;
                int b1 = in.remaining() > 1 ? in.get(in.position() + 1) & 0xff : 0;
                boolean zlib = (b0 & 0x0f) == 8 && ((b0 << 8) | b1) % 31 == 0;
                inflater = new Inflater(!zlib);
                started = true;
            }
            inflate(in, out, null);
        }

        @Override
        public void finish() throws IOException {
            if (started && !inflater.finished()) {
                throw FetchException.truncated("deflate stream ends early");
            }
        }
    }
}
