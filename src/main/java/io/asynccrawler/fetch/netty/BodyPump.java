package io.asynccrawler.fetch.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Moves one exchange's receiver calls off the event loop, in order, onto the body executor (where
 * the disk may block), and pushes back on the socket while too many bytes wait for the disk.
 * Steps are submitted from the event loop only; each runs after the previous one finished.
 */
final class BodyPump {
    /** Stop reading the socket above this many queued bytes; resume below {@link #LOW_WATER}. */
    static final long HIGH_WATER = 1 << 20;
    static final long LOW_WATER = 256 << 10;

    /** A receiver call that may throw. */
    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    private final Executor executor;
    private final Channel channel;
    private final Consumer<Throwable> onFailure;
    private final AtomicLong queued = new AtomicLong();
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    private boolean failed;

    BodyPump(Executor executor, Channel channel, Consumer<Throwable> onFailure) {
        this.executor = executor;
        this.channel = channel;
        this.onFailure = onFailure;
    }

    /** Runs {@code step} after the steps before it, unless one of them failed. */
    CompletableFuture<Void> submit(Step step) {
        tail = tail.thenRunAsync(() -> call(step), executor);
        tail.whenComplete((v, e) -> {
            if (e != null) {
                failedOnce(e);
            }
        });
        return tail;
    }

    /**
     * Hands {@code content} (retained by the caller; released here in every case) to {@code write},
     * which reads it as NIO buffers; pauses reading when the queue is long.
     */
    void submitBody(ByteBuf content, BodyWriter write) {
        long size = content.readableBytes();
        if (queued.addAndGet(size) > HIGH_WATER && channel.config().isAutoRead()) {
            channel.config().setAutoRead(false);
        }
        tail = tail.handleAsync((v, earlier) -> {
            try {
                if (earlier != null) {
                    throw earlier instanceof CompletionException ? (CompletionException) earlier : new CompletionException(earlier);
                }
                write.write(content);
                return null;
            } catch (Exception e) {
                throw e instanceof CompletionException ? (CompletionException) e : new CompletionException(e);
            } finally {
                content.release();
                if (queued.addAndGet(-size) < LOW_WATER && !channel.config().isAutoRead()) {
                    channel.eventLoop().execute(this::resume);
                }
            }
        }, executor);
        tail.whenComplete((v, e) -> {
            if (e != null) {
                failedOnce(e);
            }
        });
    }

    /** Runs {@code step} after everything before it, whether that failed or not (for cleanup). */
    CompletableFuture<Void> finallyRun(Runnable step) {
        tail = tail.handleAsync((v, e) -> {
            step.run();
            return null;
        }, executor);
        return tail;
    }

    private void resume() {
        if (channel.isActive() && !channel.config().isAutoRead()) {
            channel.config().setAutoRead(true);
        }
    }

    boolean paused() {
        return !channel.config().isAutoRead();
    }

    private synchronized void failedOnce(Throwable e) {
        if (!failed) {
            failed = true;
            onFailure.accept(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
        }
    }

    private static void call(Step step) {
        try {
            step.run();
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    /** Writes one buffer's bytes to the receiver. */
    @FunctionalInterface
    interface BodyWriter {
        void write(ByteBuf content) throws Exception;
    }
}
