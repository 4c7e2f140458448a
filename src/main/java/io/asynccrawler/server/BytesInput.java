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
    /** Where the stream stops sending without ending (a stalled server), or -1. */
    private final long stallAt;
    private long position;

    BytesInput(long seed, long offset, long length) {
        this(seed, offset, length, -1);
    }

    BytesInput(long seed, long offset, long length, long stallAt) {
        this.seed = seed;
        this.position = offset;
        this.end = offset + length;
        this.stallAt = stallAt > offset ? stallAt : -1; // a range from the stall point on is sent whole
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
        if (isEndOfInput() || (stallAt >= 0 && position >= stallAt)) {
            return null; // at the stall point: nothing more, ever, but not the end either
        }
        long stop = stallAt >= 0 ? Math.min(end, stallAt) : end;
        int n = (int) Math.min(CHUNK, stop - position);
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
