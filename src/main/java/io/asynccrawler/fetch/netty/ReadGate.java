package io.asynccrawler.fetch.netty;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/**
 * Why a connection does not read now: its body waits for the disk (the pump's queue is long), or
 * the job's {@code --limit-rate} holds it back. Two reasons, one switch (auto-read): each reason
 * lifts only itself, so the rate's timer never resumes a read the disk still holds back, and the
 * memory bound stands. On the connection's event loop only.
 */
final class ReadGate {
    private static final AttributeKey<ReadGate> KEY = AttributeKey.valueOf(ReadGate.class, "gate");
    private final Channel channel;
    private boolean disk;
    private boolean rate;

    private ReadGate(Channel channel) {
        this.channel = channel;
    }

    /** {@code channel}'s gate, made at first use. */
    static ReadGate of(Channel channel) {
        ReadGate gate = channel.attr(KEY).get();
        if (gate == null) {
            gate = new ReadGate(channel);
            channel.attr(KEY).set(gate);
        }
        return gate;
    }

    void holdForDisk(boolean hold) {
        disk = hold;
        apply();
    }

    void holdForRate(boolean hold) {
        rate = hold;
        apply();
    }

    boolean heldForRate() {
        return rate;
    }

    /** The connection goes back to its pool: nothing of the last exchange holds its reading. */
    void openAll() {
        disk = false;
        rate = false;
        apply();
    }

    private void apply() {
        boolean read = !disk && !rate;
        if (channel.config().isAutoRead() != read && (channel.isActive() || !read)) {
            channel.config().setAutoRead(read);
        }
    }
}
