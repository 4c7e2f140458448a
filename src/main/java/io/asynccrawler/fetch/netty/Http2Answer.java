package io.asynccrawler.fetch.netty;

import io.asynccrawler.fetch.FetchException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * Looks once at the first bytes a connection receives: an HTTP/2 SETTINGS frame there (what an
 * HTTP/2-only server sends first, over h2c or over TLS) fails the exchange as http2_only, where
 * HTTP/1.1's decoder would call it a malformed response. An HTTP/1.1 answer begins {@code HTTP/},
 * which no SETTINGS frame does. Then it leaves the pipeline: no cost on later reads.
 */
final class Http2Answer extends ChannelInboundHandlerAdapter {
    /** A frame header: 3 bytes of length, type, flags, 4 bytes of stream id. */
    private static final int FRAME_HEADER = 9;
    private static final int SETTINGS = 4;
    /** SETTINGS_MAX_FRAME_SIZE's least value: no first SETTINGS frame is longer. */
    private static final int MAX_FIRST_FRAME = 16_384;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ctx.pipeline().remove(this);
        if (msg instanceof ByteBuf && isSettingsFrame((ByteBuf) msg)) {
            ReferenceCountUtil.release(msg);
            ctx.fireExceptionCaught(FetchException.http2Only("it answered with an HTTP/2 SETTINGS frame"));
            return;
        }
        ctx.fireChannelRead(msg);
    }

    /** Whether {@code bytes} begin with an HTTP/2 SETTINGS frame on stream 0 (RFC 9113 §6.5). */
    static boolean isSettingsFrame(ByteBuf bytes) {
        if (bytes.readableBytes() < FRAME_HEADER) {
            return false;
        }
        int at = bytes.readerIndex();
        int length = bytes.getUnsignedMedium(at);
        int flags = bytes.getUnsignedByte(at + 4);
        return bytes.getUnsignedByte(at + 3) == SETTINGS && (flags == 0 || flags == 1) && (bytes.getInt(at + 5) & 0x7fffffff) == 0
                && length % 6 == 0 && length <= MAX_FIRST_FRAME;
    }
}
