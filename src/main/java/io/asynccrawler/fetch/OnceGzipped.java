package io.asynccrawler.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A gzip file (by its name or Content-Type) that came with Content-Encoding: gzip, saved as the
 * gzip file whichever way the server meant the coding. A server that labels its .gz files with
 * the coding (Apache's AddEncoding) sends the file itself: one layer decoded gives the tar inside,
 * and the bytes as sent are the file. A server compressing on the fly (nginx gzip_types *,
 * Apache's DEFLATE filter) sends the file gzipped again: one layer decoded gives the file, which
 * starts with gzip's magic bytes. So the first decoded bytes decide: the magic means the decoded
 * bytes are saved, anything else the bytes as sent. Until they are known the bytes as sent are
 * held (a gzip header is 10 bytes, so a few KB at most; past {@link #UNDECIDED_LIMIT} the bytes as
 * sent win).
 */
final class OnceGzipped extends ContentDecoder {
    /** Bytes as sent held at most before the decoded ones say which to save. */
    static final int UNDECIDED_LIMIT = 1 << 20;
    private static final int MAGIC_1 = 0x1f;
    private static final int MAGIC_2 = 0x8b;

    private enum Saved { UNDECIDED, DECODED, AS_SENT }

    private final ContentDecoder gunzip;
    private final ByteArrayOutputStream asSent = new ByteArrayOutputStream();
    private final ByteArrayOutputStream decodedHead = new ByteArrayOutputStream();
    private Saved saved = Saved.UNDECIDED;

    OnceGzipped() throws FetchException {
        gunzip = ContentDecoder.forEncoding("gzip");
    }

    @Override
    public void decode(ByteBuffer in, Output out) throws IOException {
        switch (saved) {
            case DECODED:
                gunzip.decode(in, out);
                return;
            case AS_SENT:
                out.write(in);
                in.position(in.limit());
                return;
            default:
                break;
        }
        ByteBuffer copy = in.duplicate();
        byte[] sent = new byte[copy.remaining()];
        copy.get(sent);
        asSent.write(sent, 0, sent.length);
        try {
            gunzip.decode(in, decoded -> {
                if (saved == Saved.DECODED) {
                    out.write(decoded);
                    return;
                }
                if (saved == Saved.AS_SENT) { // decided within this read: its bytes as sent are written already
                    decoded.position(decoded.limit());
                    return;
                }
                byte[] bytes = new byte[decoded.remaining()];
                decoded.get(bytes);
                decodedHead.write(bytes, 0, bytes.length);
                if (decodedHead.size() >= 2) {
                    decide(out);
                }
            });
        } catch (FetchException notGzip) {
            saved = Saved.AS_SENT; // not gzip under its coding after all: what came is the file
            out.write(ByteBuffer.wrap(asSent.toByteArray()));
            return;
        }
        if (saved == Saved.UNDECIDED && asSent.size() > UNDECIDED_LIMIT) {
            saved = Saved.AS_SENT;
            out.write(ByteBuffer.wrap(asSent.toByteArray()));
        }
    }

    /** Two decoded bytes are known: save the decoded stream if they are gzip's magic, else the bytes as sent. */
    private void decide(Output out) throws IOException {
        byte[] head = decodedHead.toByteArray();
        if ((head[0] & 0xff) == MAGIC_1 && (head[1] & 0xff) == MAGIC_2) {
            saved = Saved.DECODED;
            out.write(ByteBuffer.wrap(head));
        } else {
            saved = Saved.AS_SENT;
            out.write(ByteBuffer.wrap(asSent.toByteArray()));
            // what is left of this read is written by the caller's next decode as sent; this one
            // was held whole in asSent, so nothing of it is lost or written twice
        }
    }

    @Override
    public void finish() throws IOException {
        if (saved == Saved.DECODED) {
            gunzip.finish();
        }
    }

    @Override
    public void finish(Output out) throws IOException {
        if (saved == Saved.UNDECIDED) { // under two decoded bytes: no gzip inside, the bytes as sent are the file
            saved = Saved.AS_SENT;
            out.write(ByteBuffer.wrap(asSent.toByteArray()));
        }
        finish();
    }

    @Override
    public void close() {
        gunzip.close();
    }
}
