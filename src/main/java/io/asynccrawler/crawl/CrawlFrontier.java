package io.asynccrawler.crawl;

import io.asynccrawler.crawl.FrontierStore.Found;
import io.asynccrawler.crawl.FrontierStore.Queued;
import io.asynccrawler.fetch.Outcome;
import io.asynccrawler.fetch.Reason;
import io.asynccrawler.fetch.Result;
import io.asynccrawler.fetch.Target;
import io.asynccrawler.job.Frontier;
import io.asynccrawler.save.OutputDirectory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A crawl as the Job sees it: URLs taken from a {@link FrontierStore} host by host, at most
 * {@link CrawlRules#perHost()} of a host at once, and each page, once it ended, read for links
 * ({@link LinkExtractor}, from its saved file) that are admitted when in scope and depth. The job
 * ends when nothing is queued and nothing is in flight. What the store holds is the crawl: a
 * frontier made again on the same store (after Ctrl-C, or a {@code kill -9}) goes on, fetching
 * again only what was in flight.
 */
public final class CrawlFrontier implements Frontier {
    private static final Logger log = LoggerFactory.getLogger(CrawlFrontier.class);
    /** Hosts looked at in one step of the round: enough to find one ready among hosts at their cap. */
    private static final int HOSTS_A_STEP = 64;

    private final FrontierStore store;
    private final CrawlRules rules;
    private final LinkExtractor extractor;
    private final OutputDirectory dir;
    /** Guarded by this: the URLs taken and not ended, by URL; per host, how many and the last seq taken. */
    private final Map<String, Queued> inFlight = new HashMap<>();
    private final Map<String, HostState> hosts = new HashMap<>();
    /** Where the round over hosts goes on from (null: the first host). */
    private String roundAfter;

    private static final class HostState {
        int inFlight;
        long takenSeq = -1;
    }

    /** A frontier over {@code store}, whose pages are saved in {@code dir}; the seeds are admitted if new. */
    public CrawlFrontier(FrontierStore store, CrawlRules rules, LinkExtractor extractor, OutputDirectory dir) {
        this.store = store;
        this.rules = rules;
        this.extractor = extractor;
        this.dir = dir;
        List<Found> seeds = new ArrayList<>();
        for (URI seed : rules.seeds()) {
            seeds.add(new Found(seed, 0, Via.SEED, null));
        }
        store.admit(seeds);
    }

    @Override
    public synchronized Entry take() throws InterruptedException {
        while (true) {
            Queued next = nextReady();
            if (next != null) {
                inFlight.put(next.found().uri().toString(), next);
                HostState host = hosts.computeIfAbsent(next.host(), h -> new HostState());
                host.inFlight++;
                host.takenSeq = next.seq();
                Found f = next.found();
                return new Entry(f.uri(), null, f.via().word() + " at depth " + f.depth(), null, null);
            }
            if (store.queued() == inFlight.size()) {
                if (inFlight.isEmpty()) {
                    return null; // nothing queued, nothing that could add to it
                }
            }
            wait(); // a URL in flight will end, and free its host or bring links
        }
    }

    /** The oldest URL not taken of the next host in the round that is under its cap, or null if none is. */
    private Queued nextReady() {
        String after = roundAfter;
        boolean wrapped = false;
        while (true) {
            List<String> batch = store.hostsAfter(after, HOSTS_A_STEP);
            for (String host : batch) {
                HostState state = hosts.get(host);
                if (state != null && state.inFlight >= rules.perHost()) {
                    continue;
                }
                List<Queued> q = store.queuedAfter(host, state == null ? -1 : state.takenSeq, 1);
                if (!q.isEmpty()) {
                    roundAfter = host;
                    return q.get(0);
                }
            }
            if (batch.size() == HOSTS_A_STEP) {
                after = batch.get(batch.size() - 1);
            } else if (!wrapped && after != null) {
                wrapped = true; // past the last host: once more from the first
                after = null;
            } else {
                return null;
            }
        }
    }

    @Override
    public void ended(Target target, Result result) {
        Queued page;
        synchronized (this) {
            page = inFlight.get(target.uri().toString());
        }
        if (page == null) {
            return; // not one of ours (a job cancelled before it took it)
        }
        if (result.reason() != Reason.CANCELLED) { // a stopped crawl fetches what it cancelled when it goes on
            store.ended(page, links(page, result)); // links reads the saved file: outside the lock
        }
        synchronized (this) {
            inFlight.remove(target.uri().toString());
            HostState host = hosts.get(page.host());
            host.inFlight--;
            notifyAll();
        }
    }

    /** The links of an ended page that are to be crawled: in scope, within the depth, followed. */
    private List<Found> links(Queued page, Result result) {
        Found f = page.found();
        if (result.file() == null || f.depth() >= rules.maxDepth()
                || (result.outcome() != Outcome.OK && result.outcome() != Outcome.SKIPPED)) {
            return List.of();
        }
        PageLinks found;
        try {
            Path file = dir.resolve(Path.of(result.file()));
            // a skipped page (saved by a run that stopped before its end was recorded) is read too,
            // its type told by its name: the response that said it is gone
            String type = result.outcome() == Outcome.SKIPPED ? SavedType.of(file) : result.contentType();
            found = extractor.extract(file, type, URI.create(result.finalUrl()));
        } catch (IOException | RuntimeException e) {
            log.debug("links of {} not read: {}", result.url(), e.toString());
            return List.of();
        }
        List<Found> out = new ArrayList<>();
        for (Link link : found.links()) {
            if (link.kind() == Link.Kind.PAGE && !link.nofollow() && rules.inScope(link.uri())) {
                out.add(new Found(link.uri(), f.depth() + 1, Via.LINK, f.uri().toString()));
            }
        }
        return out;
    }

    @Override
    public int duplicates() {
        return 0; // a crawl meets URLs again all the time: that is not the user's doing, as a duplicate line is
    }

    @Override
    public void close() {
        store.close();
    }
}
