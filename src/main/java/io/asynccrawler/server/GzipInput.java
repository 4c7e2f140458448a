package io.asynccrawler.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.stream.ChunkedInput;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Streams a gzip member (RFC 1952) of {@link DeterministicBytes}, compressing chunk by chunk. */
final class GzipInput implements ChunkedInput<ByteBuf> {
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    /** Emit at least this much per chunk so a highly compressible body does not become tiny writes. */
    private static final int MIN_CHUNK = 16 * 1024;

    private final long seed;
    private final long length;
    private long fed;
    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    private final CRC32 crc = new CRC32();
    private final byte[] raw = new byte[BytesInput.CHUNK];
    private final ByteBuf rawView = Unpooled.wrappedBuffer(raw);
    private final byte[] out = new byte[BytesInput.CHUNK];
    private boolean headerWritten;
    private boolean trailerWritten;

    GzipInput(long seed, long length) {
        this.seed = seed;
        this.length = length;
    }

    @Override
    public boolean isEndOfInput() {
        return trailerWritten;
    }

    @Override
    @Deprecated
    public ByteBuf readChunk(ChannelHandlerContext ctx) {
        return readChunk(ctx.alloc());
    }

    @Override
    public ByteBuf readChunk(ByteBufAllocator allocator) {
        if (trailerWritten) {
            return null;
        }
        ByteBuf chunk = allocator.buffer(MIN_CHUNK * 2);
        if (!headerWritten) {
            chunk.writeBytes(HEADER);
            headerWritten = true;
        }
        while (chunk.readableBytes() < MIN_CHUNK && !trailerWritten) {
            if (deflater.needsInput() && fed < length) {
                feed();
            } else if (fed == length) {
                deflater.finish();
            }
            int n = deflater.deflate(out);
            chunk.writeBytes(out, 0, n);
            if (deflater.finished()) {
                chunk.writeIntLE((int) crc.getValue());
                chunk.writeIntLE((int) length); // ISIZE is the length modulo 2^32 by definition
                trailerWritten = true;
            }
        }
        return chunk;
    }

    private void feed() {
        int n = (int) Math.min(raw.length, length - fed);
        rawView.clear();
        DeterministicBytes.write(rawView, seed, fed, n);
        crc.update(raw, 0, n);
        deflater.setInput(raw, 0, n);
        fed += n;
    }

    @Override
    public long length() {
        return -1;
    }

    @Override
    public long progress() {
        return fed;
    }

    @Override
    public void close() {
        if (rawView.refCnt() > 0) {
            deflater.end();
            rawView.release();
        }
    }
}
