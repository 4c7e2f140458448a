package io.asynccrawler.crawl;

import io.asynccrawler.fetch.Via;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child process of {@link RocksFrontierStoreTest}'s crash test: a crawl's writes in a loop on
 * the store in {@code args[0]}, page after page (take the oldest queued URL of a host, end it with
 * {@link #LINKS} new links), printing {@code ended N} once the N-th page's end has returned, until
 * it is killed. Run again on the same store, it goes on where the store says.
 */
public final class FrontierStoreCrashChild {
    static final int HOSTS = 7;
    static final int LINKS = 20;

    private FrontierStoreCrashChild() {
    }

    /** The {@code i}-th URL the crawl finds: the same on every run. */
    static URI url(long i) {
        return URI.create("http://h" + (i % HOSTS) + ".example/p/" + i + ".html");
    }

    public static void main(String[] args) {
        try (RocksFrontierStore store = RocksFrontierStore.open(Path.of(args[0]))) {
            long found = store.queued() + store.ended();
            if (found == 0) {
                store.admit(List.of(new FrontierStore.Found(url(0), 0, Via.SEED, null)));
                found = 1;
            }
            for (long page = 0; ; page++) {
                String host = store.hostsAfter(null, 1).get(0);
                FrontierStore.Queued next = store.queuedAfter(host, -1, 1).get(0);
                List<FrontierStore.Found> links = new ArrayList<>();
                for (int i = 0; i < LINKS; i++) {
                    links.add(new FrontierStore.Found(url(found++), next.found().depth() + 1, Via.LINK, next.found().uri().toString()));
                }
                links.add(new FrontierStore.Found(url(found / 2), 1, Via.LINK, null)); // one seen before
                store.ended(next, FrontierStore.Admission.of(links));
                System.out.println("ended " + next.found().uri() + " found " + found);
                System.out.flush();
            }
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }
}
