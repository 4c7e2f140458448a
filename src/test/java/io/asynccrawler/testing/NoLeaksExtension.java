package io.asynccrawler.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs after every test class (registered for all by auto-detection): collects garbage, lets Netty's
 * detector look at what was collected, and fails the class when a buffer was leaked.
 */
public final class NoLeaksExtension implements AfterAllCallback {
    private static final int ROUNDS = 3;

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        List<String> leaks = collectLeaks();
        if (!leaks.isEmpty()) {
            fail(leaks.size() + " Netty resource leak(s) detected during or before "
                    + context.getDisplayName() + ":\n" + String.join("\n", leaks));
        }
    }

    /** Leaks of buffers that are garbage now, and any reported earlier; clears the record. */
    public static List<String> collectLeaks() throws InterruptedException {
        for (int i = 0; i < ROUNDS; i++) {
            collectGarbage();
            // The detector polls its reference queue when a new buffer is tracked.
            for (ByteBufAllocator alloc : new ByteBufAllocator[] {
                    ByteBufAllocator.DEFAULT, PooledByteBufAllocator.DEFAULT, UnpooledByteBufAllocator.DEFAULT}) {
                ByteBuf probe = alloc.directBuffer(1);
                probe.release();
                probe = alloc.heapBuffer(1);
                probe.release();
            }
        }
        return LeakRecorder.drain();
    }

    /** A full GC, waiting until the reference handler has enqueued what it found. */
    private static void collectGarbage() throws InterruptedException {
        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        WeakReference<Object> sentinel = new WeakReference<>(new Object(), queue);
        System.gc();
        if (queue.remove(2_000) == null) {
            System.gc();
        }
        sentinel.clear();
    }
}
