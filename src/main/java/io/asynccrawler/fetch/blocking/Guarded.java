package io.asynccrawler.fetch.blocking;

import io.asynccrawler.fetch.BodyReceiver;
import io.asynccrawler.fetch.FetchException;
import io.asynccrawler.fetch.ResponseHead;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A receiver that an abort from another thread closes for good: a head that arrives after the
 * abort is refused, so no part file is created that nobody would remove (the process may be
 * exiting while the blocked thread still waits on its read).
 */
final class Guarded implements BodyReceiver {
    private final BodyReceiver receiver;
    private boolean aborted;

    Guarded(BodyReceiver receiver) {
        this.receiver = receiver;
    }

    @Override
    public synchronized void onHead(ResponseHead head) throws IOException {
        if (aborted) {
            throw FetchException.cancelled();
        }
        receiver.onHead(head);
    }

    @Override
    public boolean onBody(ByteBuffer bytes) throws IOException {
        return receiver.onBody(bytes);
    }

    @Override
    public void onEnd() throws IOException {
        receiver.onEnd();
    }

    @Override
    public synchronized void onAbort() {
        aborted = true;
        receiver.onAbort();
    }
}
