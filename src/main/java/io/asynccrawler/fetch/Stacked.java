package io.asynccrawler.fetch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Codings applied one over another ({@code Content-Encoding: gzip, br}), undone in turn: each
 * decoder's output goes straight into the next, piece by piece, so nothing is held whole.
 */
final class Stacked extends ContentDecoder {
    /** Codings undone at most: a server that stacks more is refused, not followed into a bomb of bombs. */
    static final int MOST = 3;
    /** In the order they are undone: the last coding applied first. */
    private final List<ContentDecoder> undoing;

    Stacked(List<ContentDecoder> undoing) {
        this.undoing = List.copyOf(undoing);
    }

    @Override
    public void decode(ByteBuffer in, Output out) throws IOException {
        decodeFrom(0, in, out);
    }

    private void decodeFrom(int i, ByteBuffer in, Output out) throws IOException {
        if (i == undoing.size()) {
            out.write(in);
            return;
        }
        undoing.get(i).decode(in, decoded -> decodeFrom(i + 1, decoded, out));
    }

    @Override
    public void finish() throws IOException {
        finish(out -> { });
    }

    @Override
    public void finish(Output out) throws IOException {
        for (int i = 0; i < undoing.size(); i++) {
            int next = i + 1;
            undoing.get(i).finish(decoded -> decodeFrom(next, decoded, out));
        }
    }

    @Override
    public void close() {
        undoing.forEach(ContentDecoder::close);
    }
}
