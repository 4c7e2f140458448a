package io.asynccrawler.fetch.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Moves one exchange's receiver calls off the event loop, in order, onto the body executor (where
 * the disk may block), and pushes back on the socket while too many bytes wait for the disk.
 * Steps are submitted from the event loop only and queue up; one task on the executor runs them
 * one after another while any are queued. A small response (head, body and end read at once) so
 * costs one hand-over to the executor, not one per step.
 *
 * <p>A body saved to a file first waits for a file slot ({@link FileSlots}): its steps queue up
 * meanwhile, and reading pauses at the high-water mark as it does while the disk is slow.
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

    /** Writes one buffer's bytes to the receiver. */
    @FunctionalInterface
    interface BodyWriter {
        void write(ByteBuf content) throws Exception;
    }

    /** One queued call: a step, a body buffer and its writer, or a cleanup that runs whatever happened. */
    private static final class Task {
        final Step step;
        final ByteBuf content;
        final long size;
        final BodyWriter writer;
        final boolean always;
        final CompletableFuture<Void> done;

        Task(Step step, ByteBuf content, BodyWriter writer, boolean always, CompletableFuture<Void> done) {
            this.step = step;
            this.content = content;
            this.size = content == null ? 0 : content.readableBytes();
            this.writer = writer;
            this.always = always;
            this.done = done;
        }
    }

    private final Executor executor;
    private final FileSlots files;
    private final Channel channel;
    private final Consumer<Throwable> onFailure;
    private final AtomicLong queued = new AtomicLong();
    /** Guarded by this: the calls not yet run, and whether a task on the executor is running them. */
    private final ArrayDeque<Task> tasks = new ArrayDeque<>();
    private boolean draining;
    /** Guarded by this: the steps wait for a file slot, through {@link #grant} in the slots' line. */
    private boolean held;
    private Runnable grant;
    /** A file slot is this pump's, to give back once. */
    private final AtomicBoolean holdsFile = new AtomicBoolean();
    /** The exchange gave the connection back: its reading is another exchange's business now. On the event loop. */
    private boolean detached;
    /** The first failure of a step; later steps are skipped. Touched by the draining task only (or, while held, by unhold). */
    private Throwable failure;

    BodyPump(Executor executor, FileSlots files, Channel channel, Consumer<Throwable> onFailure) {
        this.executor = executor;
        this.files = files;
        this.channel = channel;
        this.onFailure = onFailure;
    }

    /** Runs {@code step} after the steps before it, unless one of them failed; the future tells which. */
    CompletableFuture<Void> submit(Step step) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        enqueue(new Task(step, null, null, false, done));
        return done;
    }

    /**
     * Hands {@code content} (retained by the caller; released here in every case) to {@code write},
     * which reads it as NIO buffers; pauses reading when the queue is long.
     */
    void submitBody(ByteBuf content, BodyWriter write) {
        if (queued.addAndGet(content.readableBytes()) > HIGH_WATER) {
            ReadGate.of(channel).holdForDisk(true); // whether or not the rate holds it too: each lifts only its own
        }
        enqueue(new Task(null, content, write, false, null));
    }

    /** Runs {@code step} after everything before it, whether that failed or not (for cleanup). */
    CompletableFuture<Void> finallyRun(Runnable step) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        enqueue(new Task(step::run, null, null, true, done));
        return done;
    }

    /**
     * The steps submitted from now on save a body to a file: they run once a file slot is this
     * pump's, at once if one is free. On the event loop, before those steps are submitted.
     */
    void needsFile() {
        if (!files.bounded()) {
            return; // nothing to wait for, nothing to give back
        }
        Runnable granted = this::granted;
        synchronized (this) { // held before a release on another thread can run the grant
            if (files.acquireOrWait(granted)) {
                holdsFile.set(true);
                return;
            }
            held = true;
            grant = granted;
        }
    }

    private void granted() {
        holdsFile.set(true);
        unhold(null);
    }

    /**
     * The exchange has failed: steps still waiting for a file slot give up their place and are
     * skipped (cleanups run). Any thread.
     */
    void stopWaiting(Throwable why) {
        synchronized (this) {
            if (!held || !files.cancel(grant)) {
                return; // not waiting, or the grant runs: the steps run and fail or clean up as ever
            }
        }
        unhold(why);
    }

    private void unhold(Throwable skipWith) {
        synchronized (this) {
            held = false;
            grant = null;
            if (skipWith != null && failure == null) {
                failure = skipWith; // no drain runs while held: this thread is the one to touch it
            }
            if (draining || tasks.isEmpty()) {
                return;
            }
            draining = true;
        }
        startDrain();
    }

    /** Gives the file slot back, once the body's file is closed (saved or not), if this pump holds one. Any thread. */
    void releaseFile() {
        if (holdsFile.getAndSet(false)) {
            files.release();
        }
    }

    /** The exchange no longer holds the connection: never resume its reading. On the event loop. */
    void detach() {
        detached = true;
    }

    boolean paused() {
        return !channel.config().isAutoRead();
    }

    private void enqueue(Task task) {
        synchronized (this) {
            tasks.add(task);
            if (draining || held) {
                return; // the running task takes it, or the one that starts once a file slot is granted
            }
            draining = true;
        }
        startDrain();
    }

    private void startDrain() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // The client is closing: nothing more may block, but buffers are released and cleanups run.
            failOnce(e);
            drain();
        }
    }

    private void drain() {
        while (true) {
            Task task;
            synchronized (this) {
                task = held ? null : tasks.poll();
                if (task == null) {
                    draining = false;
                    return;
                }
            }
            run(task);
        }
    }

    private void run(Task task) {
        Throwable error = null;
        try {
            if (!task.always && failure != null) {
                error = failure;
            } else if (task.content != null) {
                task.writer.write(task.content);
            } else {
                task.step.run();
            }
        } catch (Exception e) {
            error = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (!task.always) {
                failOnce(error);
            }
        } finally {
            if (task.content != null) {
                task.content.release();
                if (queued.addAndGet(-task.size) < LOW_WATER && !channel.config().isAutoRead()) {
                    try {
                        channel.eventLoop().execute(this::resume);
                    } catch (RejectedExecutionException e) {
                        // the loop is gone: nothing left to resume
                    }
                }
            }
        }
        if (task.done != null) {
            if (error == null) {
                task.done.complete(null);
            } else {
                task.done.completeExceptionally(error);
            }
        }
    }

    /** Records the first failure and tells the exchange, once; later steps are then skipped. */
    private void failOnce(Throwable error) {
        if (failure != null) {
            return;
        }
        failure = error;
        try {
            onFailure.accept(error);
        } catch (RuntimeException e) {
            // the event loop is gone (the client is closing): nothing is left to tell
        }
    }

    private void resume() {
        if (!detached && channel.isActive()) {
            ReadGate.of(channel).holdForDisk(false);
        }
    }
}
