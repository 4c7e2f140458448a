package io.asynccrawler.crawl;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads that read ended pages for links and write what they found to the store, so that the
 * thread that reports results (one, in the Job) is not the crawl's bottleneck: parsing is most of a
 * crawl's CPU (a 20,000-page crawl spent its time in one thread's jsoup and RocksDB writes). One
 * thread a core; at most {@link #BACKLOG_PER_THREAD} pages a thread wait, and past that the caller
 * waits: the results, and with them the job's permits, slow to what the readers keep up with.
 */
final class PageReaders implements Executor {
    /** Pages waiting per thread: enough to keep each busy across a burst, few enough to cost nothing. */
    static final int BACKLOG_PER_THREAD = 8;

    private final ExecutorService threads;
    private final Semaphore backlog;

    PageReaders(int count) {
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(count, r -> {
            Thread t = new Thread(r, "crawl-links-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.backlog = new Semaphore(count * BACKLOG_PER_THREAD);
    }

    /** One reader a core. */
    static PageReaders perCore() {
        return new PageReaders(Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** Runs {@code read} on a reader thread, once the backlog has room. */
    void submit(Runnable read) {
        backlog.acquireUninterruptibly(); // a Ctrl-C ends the job, not the reading of what it fetched
        threads.execute(() -> {
            try {
                read.run();
            } finally {
                backlog.release();
            }
        });
    }

    /**
     * Runs {@code task} on a reader thread, outside the backlog: for the few that a host's
     * robots.txt or sitemap brings (one a host), which complete on an event loop and write to the
     * store, and so must not run there.
     */
    @Override
    public void execute(Runnable task) {
        threads.execute(task);
    }

    /**
     * Waits for every page submitted to be read (a page takes milliseconds; a minute is a stuck
     * disk); false if some were still being read when the wait ended.
     */
    boolean finish() {
        threads.shutdown();
        try {
            return threads.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
