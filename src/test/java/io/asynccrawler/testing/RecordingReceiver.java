package io.asynccrawler.testing;

import io.asynccrawler.fetch.BodyReceiver;
import io.asynccrawler.fetch.ResponseHead;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A receiver that writes down every call it gets, as {@code head 200}, {@code body 10},
 * {@code end}, {@code abort}, each call's start and return apart where they can overlap
 * ({@code body>} / {@code body<}). Optionally holds its first onBody until {@link #letBodyGo()}.
 */
public final class RecordingReceiver implements BodyReceiver {
    private final List<String> calls = new ArrayList<>();
    private final CountDownLatch inBody = new CountDownLatch(1);
    private final CountDownLatch bodyGo;

    /** A receiver that takes everything at once. */
    public RecordingReceiver() {
        this(false);
    }

    /** With {@code holdFirstBody}, the first onBody waits (at most 30 s) for {@link #letBodyGo()}. */
    public RecordingReceiver(boolean holdFirstBody) {
        bodyGo = new CountDownLatch(holdFirstBody ? 1 : 0);
    }

    private synchronized void record(String call) {
        calls.add(call);
    }

    public synchronized List<String> calls() {
        return new ArrayList<>(calls);
    }

    /** Waits until the first onBody has begun. */
    public boolean awaitInBody() throws InterruptedException {
        return inBody.await(30, TimeUnit.SECONDS);
    }

    public void letBodyGo() {
        bodyGo.countDown();
    }

    @Override
    public void onHead(ResponseHead head) {
        record("head " + head.status());
    }

    @Override
    public boolean onBody(ByteBuffer bytes) throws java.io.InterruptedIOException {
        record("body>");
        inBody.countDown();
        try {
            if (!bodyGo.await(30, TimeUnit.SECONDS)) {
                throw new java.io.InterruptedIOException("never let go");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted");
        }
        record("body< " + bytes.remaining());
        bytes.position(bytes.limit());
        return true;
    }

    @Override
    public void onEnd() {
        record("end");
    }

    @Override
    public void onAbort() {
        record("abort");
    }
}
