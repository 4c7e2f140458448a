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

    /**
     * Gives {@code name} to {@code owner} (a URL): true if it was free, or is the owner's already
     * (a crawl run again after a kill fetches again what was in flight, under the name it had);
     * false if another's. A set kept for one job alone meets no owner twice, and need not keep them.
     */
    default boolean add(String name, String owner) {
        return add(name);
    }

    /** Takes {@code name} back from {@code owner}, so another may have it; nothing if it is another's or free. */
    void remove(String name, String owner);
}
