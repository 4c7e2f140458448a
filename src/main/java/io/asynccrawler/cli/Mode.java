package io.asynccrawler.cli;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * How a job's fetches run: one blocking request after another, blocking requests on a thread pool
 * or on virtual threads, or the Netty event loop. Naming, storage, policy and reports are the same.
 */
enum Mode {
    SYNC, THREADS, VIRTUAL, ASYNC;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Mode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown mode '" + text + "' (sync, threads, virtual, async)");
        }
    }

    /** Whether this JVM can run the mode: virtual threads need JDK 21 or later. */
    boolean isAvailable() {
        return this != VIRTUAL || virtualThreadFactory() != null;
    }

    /** Requests in flight at most in this mode, for a requested concurrency. */
    int concurrency(int requested) {
        return this == SYNC ? 1 : requested;
    }

    /** The executor that runs blocking exchanges in this mode (null for async). */
    ExecutorService blockingExecutor(int concurrency) {
        switch (this) {
            case SYNC:
                // One thread of its own rather than the caller's: Ctrl-C must not wait on a blocked read.
                return Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "fetch-sync");
                    t.setDaemon(true);
                    return t;
                });
            case THREADS:
                return Executors.newFixedThreadPool(concurrency, r -> {
                    Thread t = new Thread(r, "fetch-blocking");
                    t.setDaemon(true);
                    return t;
                });
            case VIRTUAL:
                try {
                    return (ExecutorService) virtualThreadFactory().invoke(null);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("virtual threads are not available", e);
                }
            default:
                return null;
        }
    }

    /** {@code Executors.newVirtualThreadPerTaskExecutor} where the JDK has it (21+), else null. */
    private static Method virtualThreadFactory() {
        try {
            return Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
