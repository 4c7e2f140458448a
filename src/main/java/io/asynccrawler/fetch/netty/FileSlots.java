package io.asynccrawler.fetch.netty;

import java.util.Iterator;
import java.util.LinkedHashSet;

/**
 * How many response bodies may be saved at once, each holding a part file open: a semaphore that
 * never blocks. A body that finds no slot free waits in line, and its pump with it (BodyPump
 * holds its steps; reading pauses once 1 MiB waits), until a body that held one ends. Waiting
 * must not block a thread: the bodies holding slots need the disk threads to finish.
 *
 * <p>With slots bounded apart from the requests in flight, the open-file limit bounds requests
 * by their sockets alone (OpenFiles): most bodies are small and hold their file for one write.
 */
final class FileSlots {
    /** As many slots as anyone asks for: acquiring costs nothing. */
    static final FileSlots UNBOUNDED = new FileSlots(Integer.MAX_VALUE);

    private final boolean bounded;
    /** Guarded by this: slots free, and the grants waiting for one, in the order they asked. */
    private int free;
    private final LinkedHashSet<Runnable> waiting = new LinkedHashSet<>(); // a queue that lets any leave at once

    FileSlots(int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be positive: " + slots);
        }
        this.bounded = slots != Integer.MAX_VALUE;
        this.free = slots;
    }

    /** Whether slots can run out (false for {@link #UNBOUNDED}). */
    boolean bounded() {
        return bounded;
    }

    /**
     * Takes a slot if one is free (true), else puts {@code grant} in line (false): it runs once a
     * slot is the caller's, on the thread of the {@link #release} that freed it.
     */
    boolean acquireOrWait(Runnable grant) {
        if (!bounded) {
            return true;
        }
        synchronized (this) {
            if (free > 0) {
                free--;
                return true;
            }
            waiting.add(grant);
            return false;
        }
    }

    /** Takes {@code grant} out of line: true if it was still waiting (it will not run), false if it ran or runs. */
    synchronized boolean cancel(Runnable grant) {
        return waiting.remove(grant);
    }

    /** Gives a slot back: to the first in line, whose grant runs here, or to the free ones. */
    void release() {
        if (!bounded) {
            return;
        }
        Runnable next;
        synchronized (this) {
            Iterator<Runnable> first = waiting.iterator();
            if (!first.hasNext()) {
                free++;
                return;
            }
            next = first.next();
            first.remove();
        }
        next.run();
    }

    /** Slots free now (tests). */
    synchronized int free() {
        return free;
    }
}
