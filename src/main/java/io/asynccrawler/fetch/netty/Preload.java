package io.asynccrawler.fetch.netty;

import io.asynccrawler.fetch.Codings;
import io.asynccrawler.transport.Transport;

/** Class loading that overlaps with a command line's start instead of following it. */
public final class Preload {
    private Preload() {
    }

    /**
     * Loads what the first exchange needs (the native transport's library and classes, the HTTP
     * codec's classes, the content decoders' libraries) on a daemon thread of its own: a command line calls this first thing, and on
     * a second core the loading overlaps with option parsing instead of following it. Nothing
     * depends on it having run or finished.
     */
    public static void inBackground() {
        Thread preload = new Thread(new Loader(), "preload");
        preload.setDaemon(true);
        preload.start();
    }

    /** A class, not a lambda: the first lambda of a run links the JDK's lambda machinery, let that happen on the preload thread. */
    private static final class Loader implements Runnable {
        @Override
        public void run() {
            try {
                if (Transport.auto() != Transport.NIO) {
                    // The native transports' errno table, built at the first connect (5 ms, on a loop).
                    Class.forName("io.netty.channel.unix.Errors", true, Preload.class.getClassLoader());
                }
                Warmup.run();
                Codings.brotli(); // the decoders' native libraries: mapped here, not before the first request's headers
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                // whoever needs these classes later meets the same error and reports it
            }
        }
    }
}
