package io.asynccrawler.fetch;

/**
 * Makes the receiver of each exchange of one fetch: a fetch's redirects and retries each get a
 * new one, with the same redirect, retry and timeout policy whatever the body is for.
 */
@FunctionalInterface
public interface Receivers {
    /**
     * The receiver of the next exchange for {@code target}.
     *
     * @param point the part file to continue, or null; never set unless {@link #resumable()}
     */
    Receiver open(Target target, ResumePoint point);

    /** Whether bodies go to the target's file and a part file from before is continued (--resume). */
    default boolean resumable() {
        return false;
    }

    /**
     * The part file to continue for {@code target}, or null to start over; asked before each
     * attempt when {@link #resumable()}, off the event loop: it reads the file system.
     */
    default ResumePoint resumePoint(Target target) throws java.io.IOException {
        return null;
    }
}
