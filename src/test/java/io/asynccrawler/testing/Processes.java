package io.asynccrawler.testing;

import java.util.concurrent.TimeUnit;

/** Child processes a test starts (a server, nginx), stopped the same way. */
public final class Processes {
    private Processes() {
    }

    /** SIGTERM, ten seconds to end, then SIGKILL: nothing a test started outlives it. */
    public static void stop(Process process) {
        process.destroy();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            process.destroyForcibly();
        }
    }
}
