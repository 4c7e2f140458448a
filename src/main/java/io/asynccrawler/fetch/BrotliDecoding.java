package io.asynccrawler.fetch;

import com.aayushatharva.brotli4j.decoder.DecoderJNI;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Content-Encoding br (RFC 7932) through brotli4j's streaming decoder: input pushed as it comes,
 * output pulled a native buffer at a time and written on at once, so a body decodes in bounded
 * memory whatever it expands to (--max-size stops a bomb at the first write past it).
 */
final class BrotliDecoding extends ContentDecoder {
    private static final int INPUT = 64 * 1024;
    private final DecoderJNI.Wrapper decoder;
    private boolean anyByte;
    private boolean destroyed;

    BrotliDecoding() throws FetchException {
        try {
            decoder = new DecoderJNI.Wrapper(INPUT);
        } catch (IOException e) {
            throw FetchException.badResponse("cannot start a brotli decoder: " + e.getMessage());
        }
    }

    @Override
    public void decode(ByteBuffer in, Output out) throws IOException {
        anyByte |= in.hasRemaining();
        for (;;) {
            switch (decoder.getStatus()) {
                case DONE:
                    in.position(in.limit()); // bytes after the stream's end: nothing of the body
                    return;
                case OK:
                    decoder.push(0);
                    break;
                case NEEDS_MORE_INPUT:
                    if (decoder.hasOutput()) {
                        out.write(decoder.pull());
                    }
                    if (!in.hasRemaining()) {
                        return;
                    }
                    ByteBuffer input = decoder.getInputBuffer();
                    input.clear();
                    int n = Math.min(in.remaining(), input.remaining());
                    input.put(in.slice().limit(n));
                    in.position(in.position() + n);
                    decoder.push(n);
                    break;
                case NEEDS_MORE_OUTPUT:
                    out.write(decoder.pull());
                    break;
                default:
                    throw FetchException.badResponse("corrupt brotli body");
            }
        }
    }

    @Override
    public void finish() throws IOException {
        if (anyByte && decoder.getStatus() != DecoderJNI.Status.DONE) {
            throw FetchException.truncated("brotli stream ends early");
        }
    }

    @Override
    public void close() {
        if (!destroyed) {
            destroyed = true;
            decoder.destroy();
        }
    }
}
