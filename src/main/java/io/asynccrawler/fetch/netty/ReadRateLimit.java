package io.asynccrawler.fetch.netty;

import io.asynccrawler.fetch.RateLimit;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.TimeUnit;

/**
 * First in a connection's pipeline when {@code --limit-rate} is set: counts the bytes as they come
 * off the socket against the job's {@link RateLimit}, and when they outrun it stops the
 * connection's reading ({@link ReadGate}) until a timer on its event loop says the budget is back.
 * No thread waits: the kernel's buffer holds what the server sends meanwhile, and TCP slows it.
 */
final class ReadRateLimit extends ChannelInboundHandlerAdapter {
    private final RateLimit limit;

    ReadRateLimit(RateLimit limit) {
        this.limit = limit;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf) {
            long wait = limit.take(((ByteBuf) msg).readableBytes());
            ReadGate gate = ReadGate.of(ctx.channel());
            if (wait > 0 && !gate.heldForRate()) {
                gate.holdForRate(true);
                ctx.executor().schedule(() -> gate.holdForRate(false), wait, TimeUnit.NANOSECONDS);
            }
        }
        ctx.fireChannelRead(msg);
    }
}
