package io.asynccrawler.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.stream.ChunkedInput;

/** Streams a range of a {@link DeterministicBytes} stream in 64 KiB chunks, as the socket drains. */
final class BytesInput implements ChunkedInput<ByteBuf> {
    static final int CHUNK = 64 * 1024;

    private final long seed;
    private final long end;
    private long position;

    BytesInput(long seed, long offset, long length) {
        this.seed = seed;
        this.position = offset;
        this.end = offset + length;
    }

    @Override
    public boolean isEndOfInput() {
        return position >= end;
    }

    @Override
    @Deprecated
    public ByteBuf readChunk(ChannelHandlerContext ctx) {
        return readChunk(ctx.alloc());
    }

    @Override
    public ByteBuf readChunk(ByteBufAllocator allocator) {
        if (isEndOfInput()) {
            return null;
        }
        int n = (int) Math.min(CHUNK, end - position);
        ByteBuf buf = allocator.buffer(n);
        DeterministicBytes.write(buf, seed, position, n);
        position += n;
        return buf;
    }

    @Override
    public long length() {
        return -1;
    }

    @Override
    public long progress() {
        return position;
    }

    @Override
    public void close() {
        position = end;
    }
}
