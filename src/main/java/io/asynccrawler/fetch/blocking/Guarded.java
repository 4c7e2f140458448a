package io.asynccrawler.fetch.blocking;

import io.asynccrawler.fetch.BodyReceiver;
import io.asynccrawler.fetch.FetchException;
import io.asynccrawler.fetch.ResponseHead;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A receiver that an abort from another thread closes for good, without ever running beside one
 * of the exchange thread's calls (BodyReceiver's contract): an abort that comes while the thread is
 * inside onHead, onBody or onEnd (a write to a slow disk) is carried out by that thread as the
 * call returns, and is too late once onEnd has returned normally (the body is published; the
 * exchange succeeded). Any call after the abort is refused, so no part file is created that nobody
 * would remove (the process may be exiting while the blocked thread still waits on its read).
 */
final class Guarded implements BodyReceiver {
    private final BodyReceiver receiver;
    /** The exchange thread is inside a call of the receiver's. */
    private boolean inCall;
    /** No call may start: an abort came. */
    private boolean aborted;
    /** onAbort has run, or onEnd returned normally: nothing more reaches the receiver. */
    private boolean over;
    /** What the abort that waits for the call under way runs after onAbort, or null. */
    private Runnable waitingAbort;

    Guarded(BodyReceiver receiver) {
        this.receiver = receiver;
    }

    @Override
    public void onHead(ResponseHead head) throws IOException {
        enter();
        try {
            receiver.onHead(head);
        } finally {
            leave(false);
        }
    }

    @Override
    public boolean onBody(ByteBuffer bytes) throws IOException {
        enter();
        try {
            return receiver.onBody(bytes);
        } finally {
            leave(false);
        }
    }

    @Override
    public void onEnd() throws IOException {
        enter();
        boolean published = false;
        try {
            receiver.onEnd();
            published = true;
        } finally {
            leave(published);
        }
    }

    /** The exchange thread's own abort, after a failure: at once, as no call of its is under way. */
    @Override
    public void onAbort() {
        synchronized (this) {
            aborted = true;
            if (over) {
                return;
            }
            over = true;
        }
        receiver.onAbort();
    }

    /**
     * Another thread's abort: the receiver's onAbort runs, then {@code then}, here and now if no
     * call is under way, else on the exchange thread as its call returns; neither runs if the
     * exchange has already ended (onEnd returned, or onAbort ran). Never waits for the call.
     */
    void abortFromAnotherThread(Runnable then) {
        synchronized (this) {
            aborted = true;
            if (over) {
                return;
            }
            if (inCall) {
                waitingAbort = then;
                return;
            }
            over = true;
        }
        receiver.onAbort();
        then.run();
    }

    private synchronized void enter() throws FetchException {
        if (aborted) {
            throw FetchException.cancelled();
        }
        inCall = true;
    }

    /** Ends a call; carries out an abort that waited for it, unless the call published the body. */
    private void leave(boolean published) {
        Runnable then;
        synchronized (this) {
            inCall = false;
            then = waitingAbort;
            waitingAbort = null;
            if (published) {
                over = true; // an abort that waited is too late: the exchange succeeded
                return;
            }
            if (then == null) {
                return;
            }
            over = true;
        }
        receiver.onAbort();
        then.run();
    }
}
