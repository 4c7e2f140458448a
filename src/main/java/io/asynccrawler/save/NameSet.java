package io.asynccrawler.save;

/**
 * The names {@link PathClaims} has given out: in memory for a list ({@link FingerprintSet}), in a
 * crawl's store for a crawl, so that a crawl run again (after Ctrl-C or a kill) knows the names its
 * earlier runs gave and names a URL as one run would have, and memory does not grow with the pages.
 */
public interface NameSet {
    boolean contains(String name);

    /** Adds {@code name}; false if it was there already. */
    boolean add(String name);
}
