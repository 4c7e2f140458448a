package io.asynccrawler.fetch;

import com.github.luben.zstd.ZstdDirectBufferDecompressingStreamNoFinalizer;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Content-Encoding zstd (RFC 8878) through zstd-jni's streaming decoder, fed a copy of each piece
 * of body in a direct buffer. The window is capped at 8 MiB, as RFC 9659 asks of HTTP decoders: a
 * frame that wants more (zstd allows 128 MiB by default, memory a server would choose for us) is
 * refused. Frames may follow one another; each starts a fresh stream.
 */
final class ZstdDecoding extends ContentDecoder {
    /** 2^23: 8 MiB (RFC 9659 §3). */
    private static final int WINDOW_LOG_MAX = 23;
    private final ByteBuffer input = ByteBuffer.allocateDirect(64 * 1024).flip();
    private final ByteBuffer output = ByteBuffer.allocateDirect(128 * 1024);
    private Frames frames;
    private boolean anyByte;

    /** zstd-jni's stream over {@link #input}, which this decoder refills between calls. */
    private static final class Frames extends ZstdDirectBufferDecompressingStreamNoFinalizer {
        Frames(ByteBuffer source) throws IOException {
            super(source);
            setLongMax(WINDOW_LOG_MAX);
        }
    }

    @Override
    public void decode(ByteBuffer in, Output out) throws IOException {
        anyByte |= in.hasRemaining();
        while (in.hasRemaining()) {
            input.clear();
            int n = Math.min(in.remaining(), input.remaining());
            input.put(in.slice().limit(n)).flip();
            in.position(in.position() + n);
            drain(out);
        }
    }

    /** Decodes all of {@link #input}, and what the decoder still holds for the output. */
    private void drain(Output out) throws IOException {
        int produced;
        do {
            if (frames == null || !frames.hasRemaining() && input.hasRemaining()) { // a frame ended: the next is a new stream
                close();
                frames = new Frames(input);
            }
            output.clear();
            try {
                produced = frames.read(output);
            } catch (IOException e) {
                throw FetchException.badResponse("corrupt zstd body: " + e.getMessage());
            }
            output.flip();
            if (output.hasRemaining()) {
                out.write(output);
            }
        } while (input.hasRemaining() || produced == output.capacity());
    }

    @Override
    public void finish() throws IOException {
        if (anyByte && frames != null && frames.hasRemaining()) {
            throw FetchException.truncated("zstd stream ends inside a frame");
        }
    }

    @Override
    public void close() {
        if (frames != null) {
            frames.close();
            frames = null;
        }
    }
}
